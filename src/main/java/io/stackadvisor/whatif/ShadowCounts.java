package io.stackadvisor.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * The shadow's tables: which stored version is shadowed (ruleset_shadow, the newest run without
 * stopped_at), and what every instance counted for it (shadow_count, shadow_flip, shadow_claim),
 * added to with {@code x = x + ?} so instances never overwrite each other.
 */
@ApplicationScoped
public class ShadowCounts {
    static final int EXAMPLES = 3;

    private final Database database;
    private final ObjectMapper json;

    public ShadowCounts(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** One shadow run of a version. */
    public record Run(String version, Instant startedAt, Instant stoppedAt) {
        public boolean running() {
            return stoppedAt == null;
        }
    }

    /** What one instance counted since its last flush. */
    public record Batch(String version, long compared, long agreed, long dropped, Map<Pair, FlipDelta> flips,
                        Map<String, long[]> claims) {
        boolean empty() {
            return compared == 0 && dropped == 0;
        }
    }

    public record Pair(String from, String to) {
    }

    /** Flips of one pair and the example profiles (JSON) this instance kept, at most {@link #EXAMPLES}. */
    public record FlipDelta(long count, List<String> examples) {
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
            while (row.next() && newest.size() < max) {
                Timestamp stopped = row.getTimestamp(3);
                newest.putIfAbsent(row.getString(1), new Run(row.getString(1), row.getTimestamp(2).toInstant(),
                        stopped == null ? null : stopped.toInstant()));
            }
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
                if (!row.next()) return Optional.empty();
                Timestamp stopped = row.getTimestamp(3);
                return Optional.of(new Run(row.getString(1), row.getTimestamp(2).toInstant(),
                        stopped == null ? null : stopped.toInstant()));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow runs cannot be read", e);
        }
    }

    /** Starts shadowing this version; a shadow of another version stops (one at a time). Running already: nothing changes. */
    public void start(String version, Instant at) {
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
    public void stop(String version, Instant at) {
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

    /** Adds one instance's batch to the shared counts, in one transaction. */
    public void add(Batch batch) {
        if (batch.empty()) return;
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                upsert(c, "UPDATE shadow_count SET compared = compared + ?, agreed = agreed + ?, dropped = dropped + ? WHERE version = ?",
                        "INSERT INTO shadow_count (compared, agreed, dropped, version) VALUES (?, ?, ?, ?)",
                        batch.compared(), batch.agreed(), batch.dropped(), batch.version());
                for (Map.Entry<Pair, FlipDelta> flip : batch.flips().entrySet()) addFlip(c, batch.version(), flip.getKey(),
                        flip.getValue());
                for (Map.Entry<String, long[]> claim : batch.claims().entrySet()) {
                    upsert(c, "UPDATE shadow_claim SET fired_more = fired_more + ?, fired_fewer = fired_fewer + ? "
                                    + "WHERE version = ? AND claim = ?",
                            "INSERT INTO shadow_claim (fired_more, fired_fewer, version, claim) VALUES (?, ?, ?, ?)",
                            claim.getValue()[0], claim.getValue()[1], batch.version(), claim.getKey());
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow counts cannot be written", e);
        }
    }

    private void addFlip(Connection c, String version, Pair pair, FlipDelta delta) throws SQLException {
        String stored = null;
        try (PreparedStatement select = c.prepareStatement("SELECT example_profiles FROM shadow_flip "
                + "WHERE version = ? AND from_verdict = ? AND to_verdict = ?")) {
            select.setString(1, version);
            select.setString(2, pair.from());
            select.setString(3, pair.to());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) stored = row.getString(1);
            }
        }
        String examples = withExamples(stored, delta.examples());
        if (stored != null) {
            try (PreparedStatement update = c.prepareStatement("UPDATE shadow_flip SET flips = flips + ?, example_profiles = ? "
                    + "WHERE version = ? AND from_verdict = ? AND to_verdict = ?")) {
                update.setLong(1, delta.count());
                update.setString(2, examples);
                update.setString(3, version);
                update.setString(4, pair.from());
                update.setString(5, pair.to());
                update.executeUpdate();
            }
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO shadow_flip (version, from_verdict, to_verdict, flips, "
                + "example_profiles) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, version);
            insert.setString(2, pair.from());
            insert.setString(3, pair.to());
            insert.setLong(4, delta.count());
            insert.setString(5, examples);
            insert.executeUpdate();
        }
    }

    /** The stored JSON array of example profiles with these added, up to {@link #EXAMPLES}. */
    private String withExamples(String stored, List<String> added) {
        try {
            ArrayNode examples = stored == null ? json.createArrayNode() : (ArrayNode) json.readTree(stored);
            for (String profile : added) {
                if (examples.size() >= EXAMPLES) break;
                examples.add(json.readTree(profile));
            }
            return json.writeValueAsString(examples);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a shadow example profile is not JSON", e);
        }
    }

    /** UPDATE; when no row was there, INSERT (the same four parameters, the same order). */
    private static void upsert(Connection c, String update, String insert, Object... params) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(update)) {
            bind(u, params);
            if (u.executeUpdate() > 0) return;
        }
        try (PreparedStatement i = c.prepareStatement(insert)) {
            bind(i, params);
            i.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) statement.setObject(i + 1, params[i]);
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
