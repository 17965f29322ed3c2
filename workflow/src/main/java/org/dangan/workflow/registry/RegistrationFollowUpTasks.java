package org.dangan.workflow.registry;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.stereotype.Component;

/**
 * The follow-up of a record marked from the civil registration, however completed: an archivist
 * of the record's institution confirms it (the variable {@code note} says how, e.g. the death
 * certificate seen); the confirmation is audited with the record.
 */
@Component("registrationFollowUpTasks")
class RegistrationFollowUpTasks implements TaskListener, TaskForm.Forms {

    private final HealthRecordRepository records;
    private final Institutions institutions;
    private final UserTasks userTasks;
    private final AuditLog auditLog;

    RegistrationFollowUpTasks(
            HealthRecordRepository records, Institutions institutions, UserTasks userTasks, AuditLog auditLog) {
        this.records = records;
        this.institutions = institutions;
        this.userTasks = userTasks;
        this.auditLog = auditLog;
    }

    @Override
    public List<TaskForm> forms() {
        TaskForm.Field note = TaskForm.Field.text("note", TaskForm.REASON_LENGTH);
        return List.of(
                TaskForm.of(CivilRegistration.FOLLOW_UP, TaskKind.DEATH_CONFIRMATION.taskKey(), note),
                TaskForm.of(CivilRegistration.FOLLOW_UP, TaskKind.MOVED_OUT_CLOSURE.taskKey(), note));
    }

    @Override
    public void notify(DelegateTask task) {
        String how = switch (TaskKind.of(task)) {
            case DEATH_CONFIRMATION -> "death confirmed";
            case MOVED_OUT_CLOSURE -> "moved out, closed";
            default ->
                throw new IllegalStateException(
                        "registrationFollowUpTasks listens to the follow-ups only, not " + task.getTaskDefinitionKey());
        };
        // the process is keyed by the record number; its variable could be rewritten by a completion
        HealthRecord record =
                records.findByRecordNumber(UserTasks.subjectKey(task)).orElseThrow();
        DanganUser user = userTasks.actor(task);
        // the keepers of the record close it, not a county's checker who only sees it
        if (!user.is(Role.ARCHIVIST)
                || !institutions.keepsRecords(user.institutionId())
                || !institutions.scopeOf(user.institutionId()).includes(record.getInstitutionId())) {
            throw Refused.forbidden("task.notYours", TaskKind.of(task));
        }
        Object note = task.getVariable("note");
        if (note == null || note.toString().isBlank()) {
            throw Refused.invalid("followUp.noteRequired");
        }
        auditLog.record(
                AuditAction.CIVIL_REGISTRATION,
                "RECORD",
                record.getRecordNumber(),
                record.getInstitutionId(),
                "followed up: " + how);
    }
}
