package org.dangan.workflow.transfer;

import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.registry.RegistryAdministration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the transfer model's service tasks call ({@code ${recordTransferProcess...}}). */
@Component("recordTransferProcess")
@Transactional
public class RecordTransferProcess {

    private final RecordTransferRepository transfers;
    private final RegistryAdministration registry;
    private final AuditLog auditLog;

    RecordTransferProcess(RecordTransferRepository transfers, RegistryAdministration registry, AuditLog auditLog) {
        this.transfers = transfers;
        this.registry = registry;
        this.auditLog = auditLog;
    }

    /** The record, its paper files and documents move; both institutions' audit trails say so. */
    public void move(long transferId) {
        RecordTransfer t = transfers.findById(transferId).orElseThrow();
        registry.transferRecord(
                t.getRecordId(), t.getToInstitutionId(), "transfer " + transferId + ": " + t.getReason());
        for (Long side : new Long[] {t.getFromInstitutionId(), t.getToInstitutionId()}) {
            auditLog.record(
                    AuditAction.RECORD_TRANSFER,
                    "RECORD_TRANSFER",
                    Long.toString(transferId),
                    side,
                    "moved: record " + t.getRecordId());
        }
    }

    public void refused(long transferId) {
        RecordTransfer t = transfers.findById(transferId).orElseThrow();
        auditLog.record(
                AuditAction.RECORD_TRANSFER,
                "RECORD_TRANSFER",
                Long.toString(transferId),
                t.getFromInstitutionId(),
                "refused by the receiving institution");
    }
}
