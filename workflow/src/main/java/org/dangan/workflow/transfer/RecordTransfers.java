package org.dangan.workflow.transfer;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.InstitutionStatus;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.StoredRecord;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers as people ask for and decide them. An archivist of the record's institution asks for
 * an active record whose paper is not out; the receiving institution must be an active primary-care
 * institution; one transfer per record at a time.
 */
@Service
@Transactional
public class RecordTransfers {

    public static final String PROCESS_KEY = "recordTransfer";

    private final RecordTransferRepository transfers;
    private final RecordBatches records;
    private final Institutions institutions;
    private final RuntimeService runtime;
    private final UserTasks userTasks;
    private final AuditLog auditLog;
    private final Clock clock;

    RecordTransfers(
            RecordTransferRepository transfers,
            RecordBatches records,
            Institutions institutions,
            RuntimeService runtime,
            UserTasks userTasks,
            AuditLog auditLog,
            Clock clock) {
        this.transfers = transfers;
        this.records = records;
        this.institutions = institutions;
        this.runtime = runtime;
        this.userTasks = userTasks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record Request(String recordNumber, String to, String reason) {}

    public record Started(long id, String processInstanceId) {}

    public Started request(Request request) {
        DanganUser user = CurrentUser.require();
        if (!user.is(Role.ARCHIVIST)) {
            throw Refused.forbidden("transfer.request.forbidden");
        }
        StoredRecord record = records.byNumber(
                        request.recordNumber() == null
                                ? ""
                                : request.recordNumber().strip())
                .filter(r -> institutions.currentScope().includes(r.institutionId()))
                .orElseThrow(() -> Refused.invalid("transfer.noRecord"));
        if (record.status() != RecordStatus.ACTIVE && record.status() != RecordStatus.RETIRED_PAPER) {
            throw Refused.of("transfer.recordNotActive", record.recordNumber(), record.status());
        }
        Institution to = institutions
                .byCode(request.to() == null ? "" : request.to().strip())
                .orElseThrow(() -> Refused.invalid("transfer.noInstitution"));
        if (to.getStatus() != InstitutionStatus.ACTIVE || !to.getType().primaryCare()) {
            throw Refused.invalid("transfer.notPrimaryCare", to.getName());
        }
        // two requests at once for one record: the second waits here and then sees the first
        institutions.lockForChange(record.institutionId());
        if (transfers.existsByRecordIdAndState(record.id(), RecordTransfer.State.REQUESTED)) {
            throw Refused.of("transfer.pending", record.recordNumber());
        }
        if (records.checkedOutFiles(record.id()) > 0) {
            throw Refused.of("transfer.fileOut", record.recordNumber());
        }
        RecordTransfer transfer = transfers.save(new RecordTransfer(
                record.id(),
                record.institutionId(),
                to.getId(),
                request.reason(),
                user.getUsername(),
                clock.instant()));
        transfer.startedAs(runtime.startProcessInstanceByKey(
                        PROCESS_KEY,
                        transfer.getId().toString(),
                        Variables.createVariables()
                                .putValue("transferId", transfer.getId())
                                .putValue("receivers", "archivist-" + to.getCode()))
                .getId());
        for (Long side : new Long[] {record.institutionId(), to.getId()}) {
            auditLog.record(
                    AuditAction.RECORD_TRANSFER,
                    "RECORD_TRANSFER",
                    transfer.getId().toString(),
                    side,
                    "requested: record " + record.recordNumber() + " to " + to.getCode());
        }
        return new Started(transfer.getId(), transfer.getProcessInstanceId());
    }

    /** {@code from} and {@code to} are codes (for the API); the screens show {@code fromName} and {@code toName}. */
    public record TransferView(
            long id,
            String recordNumber,
            String from,
            String to,
            String fromName,
            String toName,
            String reason,
            String state,
            String requestedBy,
            String decidedBy,
            String refusalReason,
            String processInstanceId) {}

    public TransferView read(long id) {
        return view(visible(id));
    }

    /** The transfer an open acceptance task is about, for the task's work panel. */
    @Transactional(readOnly = true)
    public TransferView forTask(String taskId) {
        return view(visible(userTasks.subjectIdOf(taskId, PROCESS_KEY)));
    }

    /** The latest transfers out of or into the user's institutions, newest first. */
    @Transactional(readOnly = true)
    public List<TransferView> list() {
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty() || !handlesRecords()) {
            return List.of();
        }
        return transfers
                .findTop200ByFromInstitutionIdInOrToInstitutionIdInOrderByIdDesc(scope.ids(), scope.ids())
                .stream()
                .map(this::view)
                .toList();
    }

    /** The receiving side's decision: completes the acceptance task as the current user. */
    public void decide(long id, boolean accepted, String reason) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        RecordTransfer t = visible(id);
        Map<String, Object> variables = new HashMap<>();
        variables.put("accepted", accepted);
        variables.put("reason", reason);
        userTasks.complete(t.getProcessInstanceId(), "acceptTransfer", variables);
    }

    private TransferView view(RecordTransfer t) {
        String number =
                records.byIds(List.of(t.getRecordId())).get(t.getRecordId()).recordNumber();
        Institution from = institutions.require(t.getFromInstitutionId());
        Institution to = institutions.require(t.getToInstitutionId());
        return new TransferView(
                t.getId(),
                number,
                from.getCode(),
                to.getCode(),
                from.getName(),
                to.getName(),
                t.getReason(),
                t.getState().name(),
                t.getRequestedBy(),
                t.getDecidedBy(),
                t.getRefusalReason(),
                t.getProcessInstanceId());
    }

    /** Transfers are archivists' and supervisors' business, not searchers'. */
    private static boolean handlesRecords() {
        DanganUser user = CurrentUser.require();
        return user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR);
    }

    private RecordTransfer visible(long id) {
        InstitutionScope scope = institutions.currentScope();
        return transfers
                .findById(id)
                .filter(t -> handlesRecords())
                .filter(t -> scope.includes(t.getFromInstitutionId()) || scope.includes(t.getToInstitutionId()))
                .orElseThrow(() -> Refused.invalid("transfer.notFound", id));
    }
}
