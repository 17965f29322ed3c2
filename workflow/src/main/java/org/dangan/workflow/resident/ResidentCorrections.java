package org.dangan.workflow.resident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordCorrection;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's correction requests: filed by the signed-in resident (identity from the principal
 * only), answered by an archivist of the managing institution in the {@code residentCorrection}
 * process, and for a new phone number confirmed by the resident with a code sent to it. The record
 * changes only through the registry's own correction path.
 */
@Service
@Transactional
public class ResidentCorrections {

    public static final String PROCESS = "residentCorrection";
    public static final String PHONE_CONFIRMED = "residentPhoneConfirmed";
    static final String TASK = "checkCorrection";
    /** A resident has a few questions at a time, not a queue that buries the archivists' inbox. */
    static final int MAX_OPEN = 3;

    static final int MAX_PER_30_DAYS = 10;

    private final ResidentCorrectionRepository corrections;
    private final Records records;
    private final Institutions institutions;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final UserTasks userTasks;
    private final ObjectProvider<SmsSender> sms;
    private final ResidentRecordService reads;
    private final RecordBatches lock;
    private final Clock clock;

    ResidentCorrections(
            ResidentCorrectionRepository corrections,
            Records records,
            Institutions institutions,
            RuntimeService runtime,
            TaskService tasks,
            UserTasks userTasks,
            ObjectProvider<SmsSender> sms,
            ResidentRecordService reads,
            RecordBatches lock,
            Clock clock) {
        this.corrections = corrections;
        this.records = records;
        this.institutions = institutions;
        this.runtime = runtime;
        this.tasks = tasks;
        this.userTasks = userTasks;
        this.sms = sms;
        this.reads = reads;
        this.lock = lock;
        this.clock = clock;
    }

    /** What the resident reads of one of their requests: the state and the answer, never a code. */
    public record View(
            long id,
            ResidentCorrection.Field field,
            String note,
            String proposedValue,
            ResidentCorrection.State state,
            String correctedValue,
            String answer,
            Instant submittedAt) {

        static View of(ResidentCorrection c) {
            return new View(
                    c.getId(),
                    c.getField(),
                    c.getNote(),
                    c.getProposedValue(),
                    c.getState(),
                    c.getCorrectedValue(),
                    c.getAnswer(),
                    c.getCreatedAt());
        }
    }

    /** The signed-in resident files a request; it reaches the archivists of the record's institution. */
    public View submit(ResidentCorrection.Field field, String note, String proposedValue) {
        ResidentPrincipal resident = ResidentPrincipal.require();
        lock.lockForUpdate(resident.recordId());
        if (corrections.countByRecordIdAndStateIn(
                        resident.recordId(),
                        EnumSet.of(ResidentCorrection.State.SUBMITTED, ResidentCorrection.State.AWAITING_CONFIRMATION))
                >= MAX_OPEN) {
            throw Refused.of("residentCorrection.tooManyOpen", MAX_OPEN);
        }
        if (corrections.countByRecordIdAndCreatedAtAfter(
                        resident.recordId(), clock.instant().minus(Duration.ofDays(30)))
                >= MAX_PER_30_DAYS) {
            throw Refused.tooManyRequests("residentCorrection.tooMany", MAX_PER_30_DAYS);
        }
        ResidentCorrection c =
                corrections.save(new ResidentCorrection(resident, field, note, proposedValue, clock.instant()));
        runtime.startProcessInstanceByKey(
                PROCESS,
                Long.toString(c.getId()),
                Variables.createVariables()
                        .putValue("field", c.getField().name())
                        .putValue(
                                "archivists",
                                "archivist-"
                                        + institutions
                                                .require(c.getInstitutionId())
                                                .getCode()));
        reads.audit(resident, AuditAction.RESIDENT_CORRECTION, "submitted #" + c.getId() + " " + field.name());
        return View.of(c);
    }

    /** The signed-in resident's own requests, newest first. */
    public List<View> mine() {
        ResidentPrincipal resident = ResidentPrincipal.require();
        List<View> mine = corrections.findByRecordIdOrderByIdDesc(resident.recordId()).stream()
                .map(View::of)
                .toList();
        reads.audit(
                resident, AuditAction.RESIDENT_RECORD_READ, "correction requests listed, " + mine.size() + " items");
        return mine;
    }

    /**
     * The resident enters the code sent to the new number: false when it is wrong or expired (the
     * attempt is counted and kept); true once the registry has stored the number.
     */
    public boolean confirmPhone(long id, String code) {
        ResidentPrincipal resident = ResidentPrincipal.require();
        ResidentCorrection c = corrections
                .findByIdAndRecordId(id, resident.recordId())
                .orElseThrow(() -> Refused.notFound("residentCorrection.missing", id));
        if (!c.confirm(CodeHash.sha256(Long.toString(c.getId()), code == null ? "" : code.strip()), clock.instant())) {
            return false;
        }
        records.correctConfirmedByResident(
                c.getRecordId(),
                new RecordCorrection(null, null, null, null, c.getCorrectedValue(), null, null, null),
                resident.auditName());
        reads.audit(resident, AuditAction.RESIDENT_CORRECTION, "phone confirmed #" + c.getId());
        runtime.createMessageCorrelation(PHONE_CONFIRMED)
                .processInstanceBusinessKey(Long.toString(c.getId()))
                .correlate();
        return true;
    }

    /** The resident asks for another code to the new number: the first expired, or was mistyped five times. */
    public void resendPhoneCode(long id) {
        ResidentPrincipal resident = ResidentPrincipal.require();
        ResidentCorrection c = corrections
                .findByIdAndRecordId(id, resident.recordId())
                .orElseThrow(() -> Refused.notFound("residentCorrection.missing", id));
        String code = CodeHash.sixDigits();
        c.resend(CodeHash.sha256(Long.toString(c.getId()), code), clock.instant());
        sender().send(c.getCorrectedValue(), SmsSender.Kind.PHONE_CONFIRMATION, Map.of("code", code));
        reads.audit(resident, AuditAction.RESIDENT_CORRECTION, "phone code sent again #" + c.getId());
    }

    private SmsSender sender() {
        SmsSender sender = sms.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SmsSender is configured: a phone change cannot be confirmed");
        }
        return sender;
    }

    /** A request waiting in the archivist's inbox, for the task's work panel. */
    public record Request(
            String taskId,
            long id,
            String recordNumber,
            ResidentCorrection.Field field,
            String note,
            String proposedValue) {}

    /** The request of one task, if it is offered to the archivists of the user's institutions. */
    @Transactional(readOnly = true)
    public Request requestOf(String taskId) {
        List<String> groups = keepersGroups();
        Task t = groups.isEmpty() || taskId == null
                ? null
                : tasks.createTaskQuery()
                        .taskId(taskId)
                        .processDefinitionKey(PROCESS)
                        .taskCandidateGroupIn(groups)
                        .singleResult();
        if (t == null) {
            throw Refused.notFound("task.gone", taskId);
        }
        long id = userTasks.subjectIdOf(taskId, PROCESS);
        ResidentCorrection c = corrections.findById(id).orElseThrow();
        return new Request(taskId, c.getId(), c.getRecordNumber(), c.getField(), c.getNote(), c.getProposedValue());
    }

    /** The archivist corrects the field with {@code value} (the process's complete listener applies it). */
    public void correct(Request request, String value) {
        completeTask(request, Map.of("decision", "CORRECT", "value", value == null ? "" : value));
    }

    /** The archivist refuses with the reason the resident will read. */
    public void refuse(Request request, String reason) {
        completeTask(request, Map.of("decision", "REFUSE", "reason", reason == null ? "" : reason));
    }

    private void completeTask(Request request, Map<String, Object> variables) {
        Task t = tasks.createTaskQuery().taskId(request.taskId()).singleResult();
        if (t == null) {
            throw Refused.notFound("task.gone", request.taskId());
        }
        userTasks.complete(t.getProcessInstanceId(), TASK, variables);
    }

    /**
     * The answer, from the task's complete listener: the actor is an archivist of the record's
     * institution (checked there); refusing needs a reason, correcting a value.
     */
    void answer(long id, DanganUser actor, String decision, String value, String reason) {
        ResidentCorrection c =
                corrections.findById(id).orElseThrow(() -> Refused.notFound("residentCorrection.missing", id));
        if (!actor.is(Role.ARCHIVIST)
                || !institutions.keepsRecords(actor.institutionId())
                || !institutions.scopeOf(actor.institutionId()).includes(c.getInstitutionId())) {
            throw Refused.forbidden("task.notYours", TaskKind.RESIDENT_CORRECTION_CHECK);
        }
        if ("REFUSE".equals(decision)) {
            c.refuse(reason, clock.instant());
        } else if (!"CORRECT".equals(decision)) {
            throw Refused.invalid("residentCorrection.decisionRequired");
        } else if (c.getField() == ResidentCorrection.Field.PHONE) {
            String code = CodeHash.sixDigits();
            c.awaitConfirmation(value, CodeHash.sha256(Long.toString(c.getId()), code), clock.instant());
            sender().send(c.getCorrectedValue(), SmsSender.Kind.PHONE_CONFIRMATION, Map.of("code", code));
        } else {
            c.corrected(value, clock.instant());
            RecordCorrection change = switch (c.getField()) {
                case NAME -> new RecordCorrection(c.getCorrectedValue(), null, null, null, null, null, null, null);
                case ADDRESS -> new RecordCorrection(null, null, null, null, null, c.getCorrectedValue(), null, null);
                // "something else" is corrected by the archivist on the record itself; the value is the answer
                default -> null;
            };
            if (change != null) {
                records.correct(c.getRecordNumber(), change);
            }
        }
    }

    private List<String> keepersGroups() {
        DanganUser user = CurrentUser.require();
        if (!user.is(Role.ARCHIVIST) || !institutions.keepsRecords(user.institutionId())) {
            return List.of();
        }
        return institutions.currentScope().institutions().stream()
                .map(i -> "archivist-" + i.getCode())
                .toList();
    }
}
