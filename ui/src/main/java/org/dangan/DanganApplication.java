package org.dangan;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
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

    static final List<String> COMMANDS = List.of("rebuild-search-index", "verify-custody");

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            SpringApplication command = new SpringApplication(DanganApplication.class);
            command.setWebApplicationType(WebApplicationType.NONE);
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            String[] withCommand = Arrays.copyOf(rest, rest.length + 2);
            withCommand[rest.length] = "--dangan.command=" + args[0];
            withCommand[rest.length + 1] = "--camunda.bpm.job-execution.enabled=false";
            System.exit(SpringApplication.exit(command.run(withCommand)));
        }
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.err.println("unknown command " + args[0] + "; commands: " + String.join(", ", COMMANDS));
            System.exit(2);
        }
        SpringApplication.run(DanganApplication.class, args);
    }
}
