package org.dangan.workflow.handover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
        MISSING,
        EXTRA,
        DAMAGED
    }

    /** Boxes one delivery check may name; an institution's archive is a few hundred. */
    static final int BOXES_AT_MOST = 10_000;

    private final HandoverRepository handovers;
    private final Institutions institutions;
    private final UserTasks userTasks;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    HandoverTasks(
            HandoverRepository handovers,
            Institutions institutions,
            UserTasks userTasks,
            NamedParameterJdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.events = events;
        this.handovers = handovers;
        this.institutions = institutions;
        this.userTasks = userTasks;
        this.jdbc = jdbc;
    }

    @Override
    public List<TaskForm> forms() {
        String process = Handovers.PROCESS_KEY;
        return List.of(
                TaskForm.of(
                        process,
                        "checkDelivery",
                        TaskForm.Field.texts("scanned", BOXES_AT_MOST, 64),
                        TaskForm.Field.textMap("damaged", BOXES_AT_MOST, TaskForm.REASON_LENGTH)),
                TaskForm.of(
                        process,
                        "resolveDifferences",
                        TaskForm.Field.choice("resolution", "RECHECK", "RETURN"),
                        TaskForm.Field.text("note", TaskForm.REASON_LENGTH)),
                TaskForm.of(
                        process,
                        "approveHandover",
                        TaskForm.Field.yesNo("approved"),
                        TaskForm.Field.text("reason", TaskForm.REASON_LENGTH)));
    }

    @Override
    public void notify(DelegateTask task) {
        Handover handover = handovers.findById(UserTasks.subjectId(task)).orElseThrow();
        DanganUser user = userTasks.actor(task);
        switch (TaskKind.of(task)) {
            case HANDOVER_DELIVERY_CHECK -> {
                if (!may(TaskKind.HANDOVER_DELIVERY_CHECK, user, handover, institutions)) {
                    throw Refused.forbidden("handover.check.forbidden", handover.getId());
                }
                int differences = recordDifferences(handover, task.getVariable("scanned"), task.getVariable("damaged"));
                handover.checked(user.getUsername(), differences);
                task.getExecution().setVariable("differences", differences);
            }
            case HANDOVER_DIFFERENCES -> {
                if (!may(TaskKind.HANDOVER_DIFFERENCES, user, handover, institutions)) {
                    throw Refused.forbidden("handover.resolve.forbidden", handover.getId());
                }
                Object resolution = task.getVariable("resolution");
                if ("RETURN".equals(resolution)) {
                    handover.returned((String) task.getVariable("note"));
                    events.publishEvent(new HandoverDecided(handover.getId(), handover.getInitiatedBy(), false));
                } else if ("RECHECK".equals(resolution)) {
                    handover.recheck();
                } else {
                    throw Refused.invalid("handover.resolutionRequired");
                }
            }
            case HANDOVER_APPROVAL -> {
                if (!may(TaskKind.HANDOVER_APPROVAL, user, handover, institutions)) {
                    throw Refused.forbidden("handover.approve.forbidden", handover.getId());
                }
                Object approved = task.getVariable("approved");
                if (!(approved instanceof Boolean)) {
                    throw Refused.invalid("task.decisionRequired");
                }
                if ((Boolean) approved) {
                    handover.approved(user.getUsername());
                } else {
                    handover.returned((String) task.getVariable("reason"));
                }
                events.publishEvent(
                        new HandoverDecided(handover.getId(), handover.getInitiatedBy(), (Boolean) approved));
            }
            default -> throw new IllegalStateException("no handover task " + task.getTaskDefinitionKey());
        }
    }

    /**
     * Who may work a step of the handover: the receiving institution checks the delivery, the
     * giving side's keepers resolve differences (not the checker), a supervisor over the giving
     * institution decides. The
     * screens ask this too (through {@link Handovers#openSteps}), so they offer what the listener accepts.
     */
    static boolean may(TaskKind step, DanganUser user, Handover handover, Institutions institutions) {
        boolean archivistOrSupervisor = user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR);
        return switch (step) {
            case HANDOVER_DELIVERY_CHECK ->
                archivistOrSupervisor && handover.getToInstitutionId().equals(user.institutionId());
            // the keepers of the giving archive (a primary-care institution over it, not the county),
            // and never the one who checked the delivery and found the differences
            case HANDOVER_DIFFERENCES ->
                archivistOrSupervisor
                        && institutions.keepsRecords(user.institutionId())
                        && institutions.scopeOf(user.institutionId()).includes(handover.getFromInstitutionId())
                        && !user.getUsername().equals(handover.getCheckedBy());
            case HANDOVER_APPROVAL ->
                user.is(Role.SUPERVISOR)
                        && user.institutionId() != null
                        && institutions.scopeOf(user.institutionId()).includes(handover.getFromInstitutionId());
            default -> false;
        };
    }

    /** Compares the boxes scanned with the boxes inventoried; each difference is kept with the check's round. */
    @SuppressWarnings("unchecked")
    private int recordDifferences(Handover handover, Object scanned, Object damaged) {
        if (!(scanned instanceof List<?> list) || list.isEmpty()) {
            throw Refused.invalid("handover.scanRequired");
        }
        Set<String> seen = new LinkedHashSet<>();
        list.forEach(b -> seen.add(b.toString().strip()));
        Set<String> expected = new LinkedHashSet<>(jdbc.queryForList(
                "select barcode from box where institution_id = :from" + " order by barcode",
                new MapSqlParameterSource("from", handover.getFromInstitutionId()),
                String.class));
        Map<String, Object> broken = damaged instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        record Row(String barcode, Difference kind, String note) {}
        List<Row> rows = new ArrayList<>();
        expected.stream().filter(b -> !seen.contains(b)).forEach(b -> rows.add(new Row(b, Difference.MISSING, null)));
        seen.stream().filter(b -> !expected.contains(b)).forEach(b -> rows.add(new Row(b, Difference.EXTRA, null)));
        for (Map.Entry<String, Object> e : broken.entrySet()) {
            if (!expected.contains(e.getKey())) {
                throw Refused.invalid("handover.damaged.notOurs", e.getKey());
            }
            String note = e.getValue() == null ? "" : e.getValue().toString().strip();
            if (note.isEmpty()) {
                throw Refused.invalid("handover.damaged.noteRequired", e.getKey());
            }
            rows.add(new Row(e.getKey(), Difference.DAMAGED, note.length() > 500 ? note.substring(0, 500) : note));
        }
        MapSqlParameterSource id = new MapSqlParameterSource("id", handover.getId());
        Integer last = jdbc.queryForObject(
                "select max(check_round) from handover_difference where handover_id = :id", id, Integer.class);
        int round = (last == null ? 0 : last) + 1;
        jdbc.batchUpdate(
                "insert into handover_difference (handover_id, check_round, barcode, kind, note)"
                        + " values (:id, :round, :barcode, :kind, :note)",
                rows.stream()
                        .map(r -> new MapSqlParameterSource("id", handover.getId())
                                .addValue("round", round)
                                .addValue("barcode", r.barcode())
                                .addValue("kind", r.kind().name())
                                .addValue("note", r.note()))
                        .toArray(MapSqlParameterSource[]::new));
        return rows.size();
    }
}
