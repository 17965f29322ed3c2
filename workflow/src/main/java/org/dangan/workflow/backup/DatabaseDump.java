package org.dangan.workflow.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A consistent export of the whole database into one file, and its import into an empty database.
 * Which one is used follows from the JDBC URL: H2's {@code SCRIPT} (a consistent SQL export taken
 * in one snapshot transaction), PostgreSQL's {@code pg_dump} in custom format.
 */
interface DatabaseDump {

    /** The file name inside a snapshot, which also tells the restore which kind it is. */
    String fileName();

    void dump(Path file);

    void restore(Path file);

    static DatabaseDump of(Jdbc jdbc) {
        if (jdbc.url().startsWith("jdbc:h2:")) {
            return new H2Script(jdbc);
        }
        if (jdbc.url().startsWith("jdbc:postgresql:")) {
            return new PgDump(jdbc, "pg_dump", "pg_restore");
        }
        throw new BackupRefusedException(
                "no backup for the database " + jdbc.url().replaceAll("\\?.*", ""));
    }

    /** Where the database is and who logs in: enough to open connections and to call pg_dump. */
    record Jdbc(String url, String username, String password) {

        Connection open() throws SQLException {
            return DriverManager.getConnection(url, username, password == null ? "" : password);
        }

        /** True when the database holds no table in its public schema (what a restore needs). */
        boolean isEmpty() {
            try (Connection c = open();
                    ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    if ("public".equalsIgnoreCase(tables.getString("TABLE_SCHEM"))) {
                        return false;
                    }
                }
                return true;
            } catch (SQLException e) {
                throw new BackupRefusedException(
                        "cannot open the database to restore into (" + url.replaceAll("\\?.*", "") + "): "
                                + e.getMessage(),
                        e);
            }
        }
    }
}
