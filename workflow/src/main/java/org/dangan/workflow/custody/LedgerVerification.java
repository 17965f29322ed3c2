package org.dangan.workflow.custody;

import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A verification of the ledger asked for by a person (screen or API), recorded in the audit log with its outcome. */
@Service
@Transactional
public class LedgerVerification {

    private final CustodyLedger ledger;
    private final AuditLog auditLog;

    LedgerVerification(CustodyLedger ledger, AuditLog auditLog) {
        this.ledger = ledger;
        this.auditLog = auditLog;
    }

    public CustodyLedger.Verification run() {
        CustodyLedger.Verification result = ledger.verify();
        auditLog.record(
                AuditAction.CUSTODY_VERIFIED,
                "CUSTODY",
                null,
                null,
                result.entries() + " entries, "
                        + (result.valid()
                                ? "valid"
                                : "broken at entry " + result.firstBrokenEntry().id()));
        return result;
    }
}
