package org.dangan.workflow.retention;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * The disposal's user tasks, however completed: appraisal by an archivist of the institution (the
 * variable {@code keep} maps file numbers to the reason they stay), approval by a supervisor of the
 * institution, then of the county ({@code approved}, {@code reason}); {@link Disposal} guards four eyes.
 */
@Component("disposalTasks")
class DisposalTasks implements TaskListener, TaskForm.Forms {

    /** Files one appraisal may keep back; a list is one institution's eligible files of a year. */
    static final int KEPT_AT_MOST = 10_000;

    private final DisposalRepository disposals;
    private final UserTasks userTasks;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    DisposalTasks(
            DisposalRepository disposals,
            UserTasks userTasks,
            NamedParameterJdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.events = events;
        this.disposals = disposals;
        this.userTasks = userTasks;
        this.jdbc = jdbc;
    }

    @Override
    public List<TaskForm> forms() {
        String process = Disposals.PROCESS_KEY;
        TaskForm.Field approved = TaskForm.Field.yesNo("approved");
        TaskForm.Field reason = TaskForm.Field.text("reason", TaskForm.REASON_LENGTH);
        return List.of(
                TaskForm.of(process, "appraise", TaskForm.Field.textMap("keep", KEPT_AT_MOST, TaskForm.REASON_LENGTH)),
                TaskForm.of(process, "approve", approved, reason),
                TaskForm.of(process, "countyApprove", approved, reason));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateTask task) {
        Disposal disposal = disposals.findById(UserTasks.subjectId(task)).orElseThrow();
        DanganUser user = userTasks.actor(task);
        switch (TaskKind.of(task)) {
            case DISPOSAL_APPRAISAL -> {
                require(user, Role.ARCHIVIST, disposal.getInstitutionId(), disposal);
                Object keep = task.getVariable("keep");
                if (keep instanceof Map<?, ?> kept) {
                    for (Map.Entry<?, ?> e : kept.entrySet()) {
                        String reason = e.getValue() == null
                                ? ""
                                : e.getValue().toString().strip();
                        if (reason.isEmpty()) {
                            throw Refused.invalid("disposal.keepReasonRequired", e.getKey());
                        }
                        int marked = jdbc.update(
                                "update disposal_file set kept_because = :reason where disposal_id = :id"
                                        + " and file_number = :file",
                                new MapSqlParameterSource("id", disposal.getId())
                                        .addValue("file", e.getKey().toString())
                                        .addValue("reason", reason));
                        if (marked == 0) {
                            throw Refused.invalid("disposal.notOnList", e.getKey(), disposal.getId());
                        }
                    }
                }
                disposal.appraised(user.getUsername());
            }
            case DISPOSAL_APPROVAL -> {
                require(user, Role.SUPERVISOR, disposal.getInstitutionId(), disposal);
                boolean approved = approved(task);
                disposal.institutionDecided(user.getUsername(), approved, (String) task.getVariable("reason"));
                if (!approved) {
                    events.publishEvent(new DisposalDecided(disposal.getId(), disposal.getProposedBy(), false));
                }
            }
            case DISPOSAL_COUNTY_APPROVAL -> {
                require(user, Role.SUPERVISOR, disposal.getCountyId(), disposal);
                boolean approved = approved(task);
                disposal.countyDecided(user.getUsername(), approved, (String) task.getVariable("reason"));
                events.publishEvent(new DisposalDecided(disposal.getId(), disposal.getProposedBy(), approved));
            }
            default -> throw new IllegalStateException("no disposal task " + task.getTaskDefinitionKey());
        }
    }

    private static boolean approved(DelegateTask task) {
        Object approved = task.getVariable("approved");
        if (!(approved instanceof Boolean)) {
            throw Refused.invalid("task.decisionRequired");
        }
        return (Boolean) approved;
    }

    private static void require(DanganUser user, Role role, Long institution, Disposal disposal) {
        if (!user.is(role) || !institution.equals(user.institutionId())) {
            throw Refused.forbidden("disposal.forbidden", disposal.getId(), role);
        }
    }
}
