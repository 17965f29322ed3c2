package org.dangan.workflow.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: {@code pg_dump --format=custom} (one consistent snapshot, while the application
 * runs) and {@code pg_restore} into an empty database, both from Debian's client package, with
 * the connection of the application's data source. The password goes by environment, never on
 * the command line.
 */
final class PgDump implements DatabaseDump {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    private final Jdbc jdbc;
    private final String pgDump;
    private final String pgRestore;

    PgDump(Jdbc jdbc, String pgDump, String pgRestore) {
        this.jdbc = jdbc;
        this.pgDump = pgDump;
        this.pgRestore = pgRestore;
    }

    @Override
    public String fileName() {
        return "database.pgdump";
    }

    @Override
    public void dump(Path file) {
        List<String> command = new ArrayList<>(
                List.of(pgDump, "--format=custom", "--no-owner", "--no-privileges", "--file=" + file.toAbsolutePath()));
        command.addAll(connection());
        run(command, "pg_dump");
    }

    @Override
    public void restore(Path file) {
        List<String> command = new ArrayList<>(
                List.of(pgRestore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"));
        command.addAll(connection().subList(0, connection().size() - 1));
        command.add("--dbname=" + database());
        command.add(file.toAbsolutePath().toString());
        run(command, "pg_restore");
    }

    private List<String> connection() {
        Matcher m = matcher();
        return List.of(
                "--host=" + m.group(1),
                "--port=" + (m.group(2) == null ? "5432" : m.group(2)),
                "--username=" + jdbc.username(),
                "--no-password",
                m.group(3));
    }

    private String database() {
        return matcher().group(3);
    }

    private Matcher matcher() {
        Matcher m = URL.matcher(jdbc.url());
        if (!m.matches()) {
            throw new BackupRefusedException(
                    "cannot read host, port and database from " + jdbc.url().replaceAll("\\?.*", ""));
        }
        return m;
    }

    private void run(List<String> command, String tool) {
        try {
            Path errors = Files.createTempFile("dangan-" + tool, ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectError(errors.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                if (jdbc.password() != null) {
                    builder.environment().put("PGPASSWORD", jdbc.password());
                }
                int exit = builder.start().waitFor();
                if (exit != 0) {
                    throw new BackupRefusedException(tool + " failed (exit " + exit + "): "
                            + Files.readString(errors, StandardCharsets.UTF_8).strip());
                }
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new BackupRefusedException(
                    "cannot run " + tool + " (Debian's postgresql-client): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupRefusedException(tool + " interrupted", e);
        }
    }
}
