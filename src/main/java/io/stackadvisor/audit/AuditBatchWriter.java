package io.stackadvisor.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.db.Database;
import io.stackadvisor.db.RuleFirings;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes evaluation records in one transaction: the searchable columns and the compact record (the
 * ruleset version by its number, {@link VersionIds}, numbered before the transaction begins). The
 * claims that fired are an indexed array on PostgreSQL and one row per claim on H2. The batch's rule
 * firings are added to the fleet's daily counts (rule_firing_daily) in the same transaction, summed in
 * memory first: one upsert per (day, version, rule) per batch.
 */
@ApplicationScoped
public class AuditBatchWriter {
    private final Database database;
    private final RecordCodec codec;
    private final RuleFirings firings;
    private final VersionIds versions;

    public AuditBatchWriter(Database database, RuleFirings firings, VersionIds versions, ObjectMapper json) {
        this.database = database;
        this.firings = firings;
        this.versions = versions;
        this.codec = new RecordCodec(json);
    }

    /** A record with its stored form, encoded by the caller's thread so the one writer thread only writes. */
    public record Prepared(EvaluationRecord record, byte[] stored) {
    }

    public Prepared prepare(EvaluationRecord record) {
        return new Prepared(record, codec.encode(record));
    }

    public void write(List<EvaluationRecord> records) throws SQLException {
        writePrepared(records.stream().map(this::prepare).toList());
    }

    public void writePrepared(List<Prepared> prepared) throws SQLException {
        List<EvaluationRecord> records = prepared.stream().map(Prepared::record).toList();
        Map<String, Integer> versionIds = new HashMap<>();
        for (EvaluationRecord record : records) {
            if (!versionIds.containsKey(record.rulesetVersion())) {
                versionIds.put(record.rulesetVersion(), versions.idOf(record.rulesetVersion()));
            }
        }
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, prepared, versionIds);
                firings.add(connection, tally(records));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The batch's firings per UTC day, version and rule. */
    static List<RuleFirings.Tally> tally(List<EvaluationRecord> records) {
        record Key(java.time.LocalDate day, String version, String rule) {
        }
        Map<Key, RuleFirings.Tally> tallies = new LinkedHashMap<>();
        for (EvaluationRecord record : records) {
            Instant at = record.evaluatedAt();
            for (EvaluationRecord.Step step : record.steps()) {
                Key key = new Key(RuleFirings.dayOf(at), record.rulesetVersion(), RuleFirings.ruleKey(step.rule()));
                tallies.merge(key, new RuleFirings.Tally(key.day(), key.version(), key.rule(), 1, at),
                        (a, b) -> new RuleFirings.Tally(a.day(), a.version(), a.rule(), a.fired() + b.fired(),
                                a.lastFired().isAfter(b.lastFired()) ? a.lastFired() : b.lastFired()));
            }
        }
        return List.copyOf(tallies.values());
    }

    private void insert(Connection connection, List<Prepared> prepared, Map<String, Integer> versionIds)
            throws SQLException {
        boolean postgres = database.isPostgres();
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO evaluation (id, evaluated_at, "
                + "version_id, verdict, confidence, node_score, python_score, profile_name, record, digest"
                + (postgres ? ", claims" : "") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (postgres ? ", ?" : "") + ")")) {
            for (Prepared each : prepared) {
                EvaluationRecord record = each.record();
                statement.setObject(1, record.id());
                statement.setTimestamp(2, Timestamp.from(record.evaluatedAt()));
                statement.setInt(3, versionIds.get(record.rulesetVersion()));
                statement.setString(4, record.verdict());
                statement.setString(5, record.confidence());
                statement.setInt(6, record.nodeScore());
                statement.setInt(7, record.pythonScore());
                statement.setString(8, record.profileName());
                statement.setBytes(9, each.stored());
                statement.setBytes(10, record.digest());
                if (postgres) {
                    Array claims = connection.createArrayOf("text", record.claimsFired().toArray(new String[0]));
                    statement.setArray(11, claims);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
        if (!postgres) insertClaimRows(connection, prepared.stream().map(Prepared::record).toList());
    }

    private static void insertClaimRows(Connection connection, List<EvaluationRecord> records) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO evaluation_claim (claim_id, evaluated_at, evaluation_id) VALUES (?, ?, ?)")) {
            for (EvaluationRecord record : records) {
                Timestamp at = Timestamp.from(record.evaluatedAt());
                for (String claim : record.claimsFired()) {
                    statement.setString(1, claim);
                    statement.setTimestamp(2, at);
                    statement.setObject(3, record.id());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }
}
