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
import java.util.List;
import java.util.Map;

/**
 * Adds what an instance counted to the shared counts (shadow_count, shadow_flip, shadow_claim), with
 * {@code x = x + ?} so instances never overwrite each other.
 */
@ApplicationScoped
class ShadowCountWriter {
    private final Database database;
    private final ObjectMapper json;

    ShadowCountWriter(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Adds one instance's batch to the shared counts, in one transaction. */
    void add(ShadowBatch batch) {
        if (batch.empty()) return;
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                upsert(c, "UPDATE shadow_count SET compared = compared + ?, agreed = agreed + ?, dropped = dropped + ? WHERE version = ?",
                        "INSERT INTO shadow_count (compared, agreed, dropped, version) VALUES (?, ?, ?, ?)",
                        batch.compared(), batch.agreed(), batch.dropped(), batch.version());
                for (Map.Entry<ShadowBatch.Pair, ShadowBatch.FlipDelta> flip : batch.flips().entrySet()) {
                    addFlip(c, batch.version(), flip.getKey(), flip.getValue());
                }
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

    private void addFlip(Connection c, String version, ShadowBatch.Pair pair, ShadowBatch.FlipDelta delta) throws SQLException {
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

    /** The stored JSON array of example profiles with these added, up to {@link ShadowBatch#EXAMPLES}. */
    private String withExamples(String stored, List<String> added) {
        try {
            ArrayNode examples = stored == null ? json.createArrayNode() : (ArrayNode) json.readTree(stored);
            for (String profile : added) {
                if (examples.size() >= ShadowBatch.EXAMPLES) break;
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
}
