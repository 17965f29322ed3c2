package org.dangan.workflow.fixity;

import org.dangan.workflow.platform.MaintenanceCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar dangan.jar verify-fixity}: one fixity audit with progress lines; exit code 0
 * when every file is as stored, 1 naming each file that is not.
 */
@Component
@ConditionalOnProperty(name = "dangan.command", havingValue = "verify-fixity")
class VerifyFixityCommand extends MaintenanceCommand {

    private final FixityAudit audit;

    VerifyFixityCommand(FixityAudit audit) {
        this.audit = audit;
    }

    @Override
    protected int execute(ApplicationArguments args) {
        FixityAudit.Run run = audit.run("command-line", System.out::println);
        for (FixityAudit.Failure f : audit.failures()) {
            System.out.println("fixity: " + f.outcome() + " " + f.sha256() + " (documents " + f.documents() + ")");
        }
        return run.failures() == 0 ? 0 : 1;
    }
}
