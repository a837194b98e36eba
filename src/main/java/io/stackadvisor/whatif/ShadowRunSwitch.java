package io.stackadvisor.whatif;

import io.stackadvisor.db.Database;
import io.stackadvisor.db.DatabaseUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Starts and stops shadow runs in ruleset_shadow: the fleet's record of which stored version is shadowed. */
@ApplicationScoped
class ShadowRunSwitch {
    private final Database database;

    ShadowRunSwitch(Database database) {
        this.database = database;
    }

    /** Starts shadowing this version; a shadow of another version stops (one at a time). Running already: nothing changes. */
    void start(String version, Instant at) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement stop = c.prepareStatement(
                        "UPDATE ruleset_shadow SET stopped_at = ? WHERE stopped_at IS NULL AND version <> ?")) {
                    stop.setTimestamp(1, Timestamp.from(at));
                    stop.setString(2, version);
                    stop.executeUpdate();
                }
                boolean running;
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT 1 FROM ruleset_shadow WHERE stopped_at IS NULL AND version = ?")) {
                    select.setString(1, version);
                    try (ResultSet row = select.executeQuery()) {
                        running = row.next();
                    }
                }
                if (!running) {
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO ruleset_shadow (version, started_at) VALUES (?, ?)")) {
                        insert.setString(1, version);
                        insert.setTimestamp(2, Timestamp.from(at));
                        insert.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow cannot be started", e);
        }
    }

    /** Stops the shadow of this version if it runs. */
    void stop(String version, Instant at) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement stop = c.prepareStatement(
                     "UPDATE ruleset_shadow SET stopped_at = ? WHERE stopped_at IS NULL AND version = ?")) {
            stop.setTimestamp(1, Timestamp.from(at));
            stop.setString(2, version);
            stop.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow cannot be stopped", e);
        }
    }
}
