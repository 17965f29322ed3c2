package org.dangan.workflow.registry.web;

import org.dangan.workflow.registry.CustodyAgreement;
import org.dangan.workflow.registry.Records;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/paper-files/{fileNumber}/custody}: the file's custody events and where it is now; {@code GET /api/paper-files/custody-agreement}. */
@RestController
@RequestMapping("/api/paper-files")
class PaperFileController {

    private final Records records;
    private final CustodyAgreement agreement;

    PaperFileController(Records records, CustodyAgreement agreement) {
        this.records = records;
        this.agreement = agreement;
    }

    /** Whether the register and the ledger agree on every paper file (ADMIN and AUDITOR). */
    @GetMapping("/custody-agreement")
    CustodyAgreement.Result agreement() {
        return agreement.check();
    }

    @GetMapping("/{fileNumber}/custody")
    Records.Custody custody(@PathVariable String fileNumber) {
        return records.custodyOf(fileNumber);
    }
}
