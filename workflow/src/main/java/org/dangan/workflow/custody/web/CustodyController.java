package org.dangan.workflow.custody.web;

import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.LedgerVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/custody/verify}: walks every chain of the ledger (ADMIN and AUDITOR). */
@RestController
@RequestMapping("/api/custody")
class CustodyController {

    private final LedgerVerification verification;

    CustodyController(LedgerVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify")
    CustodyLedger.Verification verify() {
        return verification.run();
    }
}
