package org.dangan.workflow.platform;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A piece of maintenance run from the command line ({@code java -jar dangan.jar <command>}):
 * it runs once the context is up, and its answer becomes the process's exit code (1 when it
 * failed before answering).
 */
public abstract class MaintenanceCommand implements ApplicationRunner, ExitCodeGenerator {

    private int exitCode = 1;

    /** Does the work, printing progress lines; answers the exit code (0 for success). */
    protected abstract int execute(ApplicationArguments args);

    @Override
    public final void run(ApplicationArguments args) {
        exitCode = execute(args);
    }

    @Override
    public final int getExitCode() {
        return exitCode;
    }
}
