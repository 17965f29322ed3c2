package org.dangan.workflow.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2's consistent export: {@code SCRIPT TO} in a snapshot transaction while the application runs,
 * gzip-compressed; restored with {@code RUNSCRIPT} into an empty database.
 */
final class H2Script implements DatabaseDump {

    private final Jdbc jdbc;

    H2Script(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String fileName() {
        return "database.h2.sql.gz";
    }

    @Override
    public void dump(Path file) {
        try (Connection c = jdbc.open();
                Statement s = c.createStatement()) {
            // every table read as of one moment, while other sessions go on writing
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            c.setAutoCommit(false);
            s.execute("SCRIPT TO " + literal(file) + " COMPRESSION GZIP");
            c.commit();
        } catch (SQLException e) {
            throw new BackupRefusedException("H2 export to " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void restore(Path file) {
        try (Connection c = jdbc.open();
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM " + literal(file) + " COMPRESSION GZIP");
        } catch (SQLException e) {
            throw new BackupRefusedException("H2 import of " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
