package org.dangan.workflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * An empty database of the kind the tests run on, for tests that start applications of their own
 * (a restore, a second node): a new in-memory H2, or on PostgreSQL the database beside the test
 * database that {@code src/dev/test.sh} creates ({@code <name>_restore}), emptied here.
 */
public final class ScratchDatabase {

    private ScratchDatabase() {}

    public static String emptied(DataSourceProperties testDatabase) {
        String url = testDatabase.determineUrl();
        if (url.startsWith("jdbc:h2:")) {
            return "jdbc:h2:mem:scratch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        String scratch = url.replaceFirst("/([^/?]+)(\\?|$)", "/$1_restore$2");
        try (Connection c = DriverManager.getConnection(
                        scratch, testDatabase.determineUsername(), testDatabase.determinePassword());
                Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the scratch database " + scratch + " is missing or not ours (src/dev/test.sh" + " creates it): "
                            + e.getMessage(),
                    e);
        }
        return scratch;
    }
}
