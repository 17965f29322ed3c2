package org.dangan.workflow.custody.web;

import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.custody.CustodyLedger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/custody/verify}: walks every chain of the ledger (ADMIN and AUDITOR). */
@RestController
@RequestMapping("/api/custody")
class CustodyController {

    private final CustodyLedger ledger;
    private final AuditLog auditLog;

    CustodyController(CustodyLedger ledger, AuditLog auditLog) {
        this.ledger = ledger;
        this.auditLog = auditLog;
    }

    @GetMapping("/verify")
    CustodyLedger.Verification verify() {
        CustodyLedger.Verification result = ledger.verify();
        auditLog.record(AuditAction.CUSTODY_VERIFIED, "CUSTODY", null, null,
                result.entries() + " entries, " + (result.valid() ? "valid" : "broken at entry " + result.firstBrokenEntry().id()));
        return result;
    }
}
