package org.dangan;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dangan.workflow.backup.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Dang'an: the runnable application (Vaadin screens, REST API, embedded Camunda engine). With a
 * command as first argument ({@code java -jar dangan.jar rebuild-search-index}) it runs that one
 * piece of maintenance without web server or job executor, and exits with its outcome.
 */
@SpringBootApplication
@Push
@PWA(name = "Dang'an 档案", shortName = "Dang'an")
public class DanganApplication implements AppShellConfigurator {

    static final List<String> COMMANDS =
            List.of("rebuild-search-index", "verify-custody", "verify-fixity", "backup", "restore");

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(DanganApplication.class, args);
    }

    /** Runs the command named first ({@code backup --to DIR}); answers its exit code. */
    static int runCommand(String[] given) {
        String[] args = joinOptionValues(given);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("restore")) {
            int restored = RestoreCommand.run(rest);
            // the index is derived data: built from the restored database, never taken from a backup
            return restored != 0 ? restored : command("rebuild-search-index", withoutRestoreOptions(rest));
        }
        if (COMMANDS.contains(args[0])) {
            return command(args[0], rest);
        }
        System.err.println("unknown command " + args[0] + "; commands: " + String.join(", ", COMMANDS));
        return 2;
    }

    private static int command(String name, String[] rest) {
        SpringApplication command = new SpringApplication(DanganApplication.class);
        // a web context (the screens' security needs one) that listens on no port
        String[] withCommand = Arrays.copyOf(rest, rest.length + 3);
        withCommand[rest.length] = "--dangan.command=" + name;
        withCommand[rest.length + 1] = "--camunda.bpm.job-execution.enabled=false";
        withCommand[rest.length + 2] = "--server.port=-1";
        return SpringApplication.exit(command.run(withCommand));
    }

    /** {@code --to DIR} as Spring reads options: {@code --to=DIR}. */
    static String[] joinOptionValues(String[] args) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && !a.contains("=") && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                joined.add(a + "=" + args[++i]);
            } else {
                joined.add(a);
            }
        }
        return joined.toArray(String[]::new);
    }

    private static String[] withoutRestoreOptions(String[] args) {
        return Arrays.stream(args)
                .filter(a -> !a.startsWith("--from") && !a.startsWith("--snapshot"))
                .toArray(String[]::new);
    }
}
