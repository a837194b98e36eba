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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shadow's tables as read: which stored version is shadowed (ruleset_shadow, the newest run
 * without stopped_at), and what every instance counted for it (shadow_count, shadow_flip,
 * shadow_claim). {@link ShadowRunSwitch} starts and stops runs; {@link ShadowCountWriter} adds to the counts.
 */
@ApplicationScoped
public class ShadowCounts {
    private final Database database;

    public ShadowCounts(Database database) {
        this.database = database;
    }

    /** One shadow run of a version. */
    public record Run(String version, Instant startedAt, Instant stoppedAt) {
        public boolean running() {
            return stoppedAt == null;
        }
    }

    /** The counts as stored. */
    public record Totals(long compared, long agreed, long dropped, List<FlipRow> flips, List<ClaimRow> claims) {
    }

    public record FlipRow(String from, String to, long count, String examplesJson) {
    }

    public record ClaimRow(String claim, long more, long fewer) {
    }

    /** The version shadowed now, if any. */
    public Optional<String> running() {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT version FROM ruleset_shadow WHERE stopped_at IS NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadowed ruleset cannot be read", e);
        }
    }

    /** The newest runs, newest first, one per version (a version shadowed again continues its counts). */
    public List<Run> recentRuns(int max) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT version, started_at, stopped_at FROM ruleset_shadow "
                     + "ORDER BY id DESC FETCH FIRST " + Math.max(1, max * 4) + " ROWS ONLY");
             ResultSet row = select.executeQuery()) {
            Map<String, Run> newest = new LinkedHashMap<>();
            while (row.next() && newest.size() < max) newest.putIfAbsent(row.getString(1), run(row));
            return List.copyOf(newest.values());
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow runs cannot be read", e);
        }
    }

    /** The newest run of this version, if it was ever shadowed. */
    public Optional<Run> lastRun(String version) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT version, started_at, stopped_at FROM ruleset_shadow "
                     + "WHERE version = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(run(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow runs cannot be read", e);
        }
    }

    /** The run on the current row of (version, started_at, stopped_at). */
    private static Run run(ResultSet row) throws SQLException {
        Timestamp stopped = row.getTimestamp(3);
        return new Run(row.getString(1), row.getTimestamp(2).toInstant(), stopped == null ? null : stopped.toInstant());
    }

    /** The counts of a version (zeros if nothing was counted yet). */
    public Totals totals(String version) {
        try (Connection c = database.dataSource().getConnection()) {
            long compared = 0;
            long agreed = 0;
            long dropped = 0;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT compared, agreed, dropped FROM shadow_count WHERE version = ?")) {
                select.setString(1, version);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        compared = row.getLong(1);
                        agreed = row.getLong(2);
                        dropped = row.getLong(3);
                    }
                }
            }
            List<FlipRow> flips = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT from_verdict, to_verdict, flips, example_profiles "
                    + "FROM shadow_flip WHERE version = ? ORDER BY flips DESC, from_verdict, to_verdict")) {
                select.setString(1, version);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) flips.add(new FlipRow(row.getString(1), row.getString(2), row.getLong(3), row.getString(4)));
                }
            }
            List<ClaimRow> claims = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT claim, fired_more, fired_fewer FROM shadow_claim "
                    + "WHERE version = ? ORDER BY claim")) {
                select.setString(1, version);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) claims.add(new ClaimRow(row.getString(1), row.getLong(2), row.getLong(3)));
                }
            }
            return new Totals(compared, agreed, dropped, flips, claims);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow counts cannot be read", e);
        }
    }
}
