package org.dangan.workflow.handover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The handover's user tasks, however completed. The receiving side checks the delivery (the
 * variables {@code scanned}, the box barcodes read, and {@code damaged}, barcode to what is
 * wrong); the giving side resolves differences ({@code resolution}: RECHECK or RETURN, with a
 * {@code note}); a supervisor over the giving institution approves ({@code approved},
 * {@code reason}). {@link Handover} guards four eyes.
 */
@Component("handoverTasks")
class HandoverTasks implements TaskListener, TaskForm.Forms {

    enum Difference {
        MISSING, EXTRA, DAMAGED
    }

    /** Boxes one delivery check may name; an institution's archive is a few hundred. */
    static final int BOXES_AT_MOST = 10_000;

    private final HandoverRepository handovers;
    private final Institutions institutions;
    private final UserTasks userTasks;
    private final NamedParameterJdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    HandoverTasks(HandoverRepository handovers, Institutions institutions, UserTasks userTasks,
                  NamedParameterJdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.handovers = handovers;
        this.institutions = institutions;
        this.userTasks = userTasks;
        this.jdbc = jdbc;
    }

    @Override
    public List<TaskForm> forms() {
        String process = Handovers.PROCESS_KEY;
        return List.of(TaskForm.of(process, "checkDelivery", TaskForm.Field.texts("scanned", BOXES_AT_MOST, 64),
                        TaskForm.Field.textMap("damaged", BOXES_AT_MOST, TaskForm.REASON_LENGTH)),
                TaskForm.of(process, "resolveDifferences", TaskForm.Field.choice("resolution", "RECHECK", "RETURN"),
                        TaskForm.Field.text("note", TaskForm.REASON_LENGTH)),
                TaskForm.of(process, "approveHandover", TaskForm.Field.yesNo("approved"),
                        TaskForm.Field.text("reason", TaskForm.REASON_LENGTH)));
    }

    @Override
    public void notify(DelegateTask task) {
        Handover handover = handovers.findById(UserTasks.subjectId(task)).orElseThrow();
        DanganUser user = userTasks.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case "checkDelivery" -> {
                if (!(user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR))
                        || !handover.getToInstitutionId().equals(user.institutionId())) {
                    throw denied(user, "check the delivery", "an archivist or supervisor of the receiving institution");
                }
                int differences = recordDifferences(handover, task.getVariable("scanned"), task.getVariable("damaged"));
                handover.checked(user.getUsername(), differences);
                task.getExecution().setVariable("differences", differences);
            }
            case "resolveDifferences" -> {
                if (!institutions.scopeOf(user.institutionId()).includes(handover.getFromInstitutionId())
                        || !(user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR))) {
                    throw denied(user, "resolve the differences", "an archivist or supervisor of the giving side");
                }
                Object resolution = task.getVariable("resolution");
                if ("RETURN".equals(resolution)) {
                    handover.returned((String) task.getVariable("note"));
                    events.publishEvent(new HandoverDecided(handover.getId(), handover.getInitiatedBy(), false));
                } else if ("RECHECK".equals(resolution)) {
                    handover.recheck();
                } else {
                    throw new IllegalArgumentException("resolution: RECHECK once the differences are made good, or RETURN");
                }
            }
            case "approveHandover" -> {
                if (!user.is(Role.SUPERVISOR)
                        || !institutions.scopeOf(user.institutionId()).includes(handover.getFromInstitutionId())) {
                    throw denied(user, "approve the handover", "a supervisor over the giving institution");
                }
                Object approved = task.getVariable("approved");
                if (!(approved instanceof Boolean)) {
                    throw new IllegalArgumentException("approved: true to approve, false to refuse (with a reason)");
                }
                if ((Boolean) approved) {
                    handover.approved(user.getUsername());
                } else {
                    handover.returned((String) task.getVariable("reason"));
                }
                events.publishEvent(new HandoverDecided(handover.getId(), handover.getInitiatedBy(), (Boolean) approved));
            }
            default -> throw new IllegalStateException("no such handover task " + task.getTaskDefinitionKey());
        }
    }

    /** Compares the boxes scanned with the boxes inventoried; each difference is kept with the check's round. */
    @SuppressWarnings("unchecked")
    private int recordDifferences(Handover handover, Object scanned, Object damaged) {
        if (!(scanned instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("barcodes: scan every box delivered");
        }
        Set<String> seen = new LinkedHashSet<>();
        list.forEach(b -> seen.add(b.toString().strip()));
        Set<String> expected = new LinkedHashSet<>(jdbc.queryForList("select barcode from box where institution_id = :from"
                + " order by barcode", new MapSqlParameterSource("from", handover.getFromInstitutionId()), String.class));
        Map<String, Object> broken = damaged instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        record Row(String barcode, Difference kind, String note) {
        }
        List<Row> rows = new ArrayList<>();
        expected.stream().filter(b -> !seen.contains(b)).forEach(b -> rows.add(new Row(b, Difference.MISSING, null)));
        seen.stream().filter(b -> !expected.contains(b)).forEach(b -> rows.add(new Row(b, Difference.EXTRA, null)));
        for (Map.Entry<String, Object> e : broken.entrySet()) {
            if (!expected.contains(e.getKey())) {
                throw new IllegalArgumentException("damaged: " + e.getKey() + " is not a box of this handover");
            }
            String note = e.getValue() == null ? "" : e.getValue().toString().strip();
            if (note.isEmpty()) {
                throw new IllegalArgumentException("damaged: say what is wrong with " + e.getKey());
            }
            rows.add(new Row(e.getKey(), Difference.DAMAGED, note.length() > 500 ? note.substring(0, 500) : note));
        }
        MapSqlParameterSource id = new MapSqlParameterSource("id", handover.getId());
        Integer last = jdbc.queryForObject("select max(check_round) from handover_difference where handover_id = :id", id,
                Integer.class);
        int round = (last == null ? 0 : last) + 1;
        jdbc.batchUpdate("insert into handover_difference (handover_id, check_round, barcode, kind, note)"
                + " values (:id, :round, :barcode, :kind, :note)", rows.stream().map(r -> new MapSqlParameterSource("id",
                handover.getId()).addValue("round", round).addValue("barcode", r.barcode()).addValue("kind", r.kind().name())
                .addValue("note", r.note())).toArray(MapSqlParameterSource[]::new));
        return rows.size();
    }

    private static AccessDeniedException denied(DanganUser user, String step, String who) {
        return new AccessDeniedException(user.getUsername() + " may not " + step + ": it needs " + who);
    }
}
