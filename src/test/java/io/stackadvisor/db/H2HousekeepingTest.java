package io.stackadvisor.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file under the audit log's write pattern (WRITE_DELAY=0, many small indexed commits):
 * without housekeeping every commit leaves half-dead chunks behind and the file keeps growing; with
 * it the file stays a fraction of that size, and every committed row is still there.
 */
class H2HousekeepingTest {
    private static final int COMMITS = 4_000;
    private static final int ROWS_PER_COMMIT = 4;

    @TempDir
    Path folder;

    @Test
    void housekeepingKeepsTheFileSmallAndLosesNoRow() throws Exception {
        long without = fill("without", false);
        long with = fill("with", true);
        assertTrue(with < without / 2, "file size with housekeeping: " + with + " bytes, without: " + without + " bytes");
    }

    /** Commits the rows as the audit writer does and returns the file's size while the database is open. */
    private long fill(String name, boolean housekeeping) throws SQLException, IOException {
        // No retention window, so which chunks may be rewritten does not depend on how fast this machine runs.
        String url = "jdbc:h2:file:" + folder.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection writer = DriverManager.getConnection(url, "sa", "");
             Connection maintenance = DriverManager.getConnection(url, "sa", "")) {
            try (Statement ddl = writer.createStatement()) {
                ddl.execute("CREATE TABLE record(id BIGINT PRIMARY KEY, verdict VARCHAR(16), body VARCHAR(400))");
                ddl.execute("CREATE INDEX record_verdict ON record(verdict, id DESC)");
            }
            writer.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO record VALUES (?, ?, ?)")) {
                long id = 0;
                for (int commit = 0; commit < COMMITS; commit++) {
                    for (int row = 0; row < ROWS_PER_COMMIT; row++, id++) {
                        insert.setLong(1, id);
                        insert.setString(2, id % 3 == 0 ? "NODEJS" : "PYTHON");
                        insert.setString(3, "profile and steps of evaluation " + id + " ".repeat(300));
                        insert.executeUpdate();
                    }
                    writer.commit();
                    if (housekeeping && commit % 5 == 0) H2Housekeeping.compact(maintenance, H2Housekeeping.TARGET_FILL_RATE, 4 << 20);
                }
            }
            try (ResultSet count = writer.createStatement().executeQuery("SELECT COUNT(*) FROM record")) {
                count.next();
                assertEquals((long) COMMITS * ROWS_PER_COMMIT, count.getLong(1));
            }
            return Files.size(folder.resolve(name + ".mv.db"));
        }
    }
}
