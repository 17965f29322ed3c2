package org.dangan.workflow.backup;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar dangan.jar restore --from DIR [--snapshot NAME]}: reads the same configuration
 * as the application (profiles, {@code DANGAN_HOME}, the data source) in a context that starts
 * nothing else, since neither Liquibase nor the engine may touch the database before it is
 * restored. The caller rebuilds the search index afterwards.
 */
public final class RestoreCommand {

    private RestoreCommand() {}

    @EnableConfigurationProperties(DataSourceProperties.class)
    static class Settings {}

    /** Answers the exit code: 0 restored, 1 refused or failed, 2 wrong arguments. */
    public static int run(String[] args) {
        DefaultApplicationArguments arguments = new DefaultApplicationArguments(args);
        List<String> from = arguments.getOptionValues("from");
        if (from == null || from.isEmpty()) {
            System.out.println("restore: name the backup: restore --from DIR [--snapshot NAME]");
            return 2;
        }
        List<String> snapshot = arguments.getOptionValues("snapshot");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args)) {
            DataSourceProperties ds = context.getBean(DataSourceProperties.class);
            Path home = Path.of(context.getEnvironment().getRequiredProperty("dangan.home"));
            Restore restore = new Restore(home, ds.determineUrl(), ds.determineUsername(), ds.determinePassword());
            Restore.Restored r = restore.from(
                    Path.of(from.get(0)),
                    snapshot == null || snapshot.isEmpty() ? null : snapshot.get(0),
                    p -> System.out.println("restore: " + p));
            System.out.println("restore: snapshot " + r.snapshot() + " restored into " + home + " (" + r.storeFiles()
                    + " store files, " + r.bags() + " bag files); the search index is rebuilt next");
            return 0;
        } catch (BackupRefusedException e) {
            System.out.println("restore: REFUSED: " + e.getMessage());
            return 1;
        }
    }
}
