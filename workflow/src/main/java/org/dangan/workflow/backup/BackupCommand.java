package org.dangan.workflow.backup;

import java.nio.file.Path;
import java.util.List;
import org.dangan.workflow.platform.MaintenanceCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar dangan.jar backup --to DIR}: one backup with progress lines; exit code 0 when
 * the snapshot is complete. On H2 the application must be stopped (the file has one owner); on
 * PostgreSQL it may run.
 */
@Component
@ConditionalOnProperty(name = "dangan.command", havingValue = "backup")
class BackupCommand extends MaintenanceCommand {

    private final Backups backups;

    BackupCommand(Backups backups) {
        this.backups = backups;
    }

    @Override
    protected int execute(ApplicationArguments args) {
        List<String> to = args.getOptionValues("to");
        Path dir = to == null || to.isEmpty() ? backups.directory().orElse(null) : Path.of(to.get(0));
        if (dir == null) {
            System.out.println("backup: name the directory: backup --to DIR");
            return 2;
        }
        try {
            Backups.Snapshot s = backups.take(dir, p -> System.out.println("backup: " + p));
            System.out.println("backup: snapshot " + s.name() + " complete in " + dir + " (" + s.storeFiles()
                    + " store files, " + s.filesCopied() + " new)");
            return 0;
        } catch (BackupRefusedException e) {
            System.out.println("backup: FAILED: " + e.getMessage());
            return 1;
        }
    }
}
