package org.dangan.workflow.custody;

import org.dangan.workflow.platform.MaintenanceCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code java -jar dangan.jar verify-custody}: walks the ledger; exit code 0 when every chain holds, 1 when not. */
@Component
@ConditionalOnProperty(name = "dangan.command", havingValue = "verify-custody")
class VerifyCustodyCommand extends MaintenanceCommand {

    private final CustodyLedger ledger;

    VerifyCustodyCommand(CustodyLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    protected int execute(ApplicationArguments args) {
        long start = System.nanoTime();
        CustodyLedger.Verification result = ledger.verify();
        System.out.printf(
                "custody ledger: %d entries walked in %.1f s%n", result.entries(), (System.nanoTime() - start) / 1e9);
        if (result.valid()) {
            System.out.println("custody ledger: every chain holds");
            return 0;
        }
        CustodyLedger.BrokenEntry b = result.firstBrokenEntry();
        System.out.println("custody ledger: BROKEN at entry " + b.id() + " (institution " + b.institutionId()
                + ", sequence " + b.sequence() + "): " + b.reason());
        return 1;
    }
}
