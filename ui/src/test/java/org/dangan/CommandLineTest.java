package org.dangan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance commands as an operator types them ({@code java -jar dangan.jar backup --to DIR}),
 * through the same entry point as the jar's main, on an H2 file database: their exit codes and
 * what they leave behind.
 */
@Tag("slow") // starts the application four times on a file database
class CommandLineTest {

    @TempDir
    Path dir;

    private static String[] args(String command, Path home, String... more) {
        String[] base = {
            command,
            "--dangan.home=" + home,
            "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db/dangan"),
            "--dangan.search.lucene.path=" + home.resolve("search")
        };
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void backup_then_restore_elsewhere_from_the_command_line() throws Exception {
        Path home = dir.resolve("home");
        Path backups = dir.resolve("backups");
        assertThat(DanganApplication.runCommand(args("verify-fixity", home))).isZero();
        assertThat(DanganApplication.runCommand(args("backup", home, "--to", backups.toString())))
                .isZero();
        try (var snapshots = Files.list(backups.resolve("snapshots"))) {
            assertThat(snapshots.toList())
                    .singleElement()
                    .satisfies(s -> assertThat(s.resolve("MANIFEST.sha256")).exists());
        }

        Path elsewhere = dir.resolve("elsewhere");
        assertThat(DanganApplication.runCommand(args("restore", elsewhere, "--from", backups.toString())))
                .isZero();
        assertThat(elsewhere.resolve("db/dangan.mv.db")).exists();
        assertThat(elsewhere.resolve("search/current")).exists();
        // a second restore into the same place is refused: it is not empty any more
        assertThat(DanganApplication.runCommand(args("restore", elsewhere, "--from", backups.toString())))
                .isOne();
        assertThat(DanganApplication.runCommand(new String[] {"no-such-command"}))
                .isEqualTo(2);
    }
}
