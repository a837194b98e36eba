package io.stackadvisor.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.db.Database;
import io.stackadvisor.db.RuleFirings;
import io.stackadvisor.testing.RealRules;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Compact records written before V9 (the version as its sha256:… string on every row, the record
 * deflated without a dictionary) read back the same after the migration to version numbers, on both
 * databases: the number maps back to the string, the version filter finds them, and a new record of
 * the same version gets the same number.
 */
class RecordsBeforeVersionNumbersTest {
    static final String SCHEMA = "stack_advisor_version_numbers_test";
    static final String VERSION = "sha256:" + "c".repeat(64);

    @Test
    void onH2() throws Exception {
        check(MigrationTestDatabases.h2("before-numbers"), "h2", "db/h2");
    }

    @Test
    @EnabledIf("io.stackadvisor.audit.PostgresProfile#reachable")
    void onPostgres() throws Exception {
        check(MigrationTestDatabases.postgres(SCHEMA), "postgresql", "db/postgresql");
    }

    private static void check(DataSource dataSource, String kind, String own) throws Exception {
        MigrationTestDatabases.migrateTo(dataSource, own, "8");
        RecordCodec.Stored stored = new RecordCodec.Stored("{\"name\":\"before\",\"workloads\":[\"ml-training\"]}",
                List.of(new RecordCodec.StoredStep("ML-01 training favours Python", Map.of("workloads", List.of("ml-training")),
                        Map.of("side", "PYTHON", "weight", 3))), List.of("CF-01"), List.of("FW-02"), false, Set.of("ML-01"));
        byte[] oldForm = deflatedWithoutDictionary(RealRules.JSON.writeValueAsBytes(stored));
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO evaluation (id, evaluated_at, ruleset_version, verdict, "
                    + "confidence, profile_name, node_score, python_score, record, digest" + (kind.equals("h2") ? "" : ", claims")
                    + ") VALUES (?, ?, ?, 'PYTHON', 'high', 'before', 0, 3, ?, ?" + (kind.equals("h2") ? "" : ", '{ML-01}'") + ")")) {
                insert.setObject(1, id);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setString(3, VERSION);
                insert.setBytes(4, oldForm);
                insert.setBytes(5, new byte[32]);
                insert.executeUpdate();
            }
            if (kind.equals("h2")) {
                try (PreparedStatement claim = c.prepareStatement(
                        "INSERT INTO evaluation_claim (claim_id, evaluated_at, evaluation_id) VALUES ('ML-01', ?, ?)")) {
                    claim.setTimestamp(1, Timestamp.from(at));
                    claim.setObject(2, id);
                    claim.executeUpdate();
                }
            }
        }
        MigrationTestDatabases.migrateToLatest(dataSource, own);

        Database database = MigrationTestDatabases.database(kind, dataSource);
        EvaluationStore store = new EvaluationStore(database, null, new VersionIds(database), RealRules.JSON);
        EvaluationRecord read = assertInstanceOf(StoredEvaluation.Compact.class, store.find(id).orElseThrow()).record();
        assertEquals(VERSION, read.rulesetVersion(), "the number maps back to the string");
        assertEquals(stored.profile(), read.profile());
        assertEquals(RecordCodec.steps(stored), read.steps());
        assertEquals(List.of("CF-01"), read.flags());
        assertEquals(Set.of("ML-01"), read.claimsFired());
        assertArrayEquals(new byte[32], read.digest());

        List<EvaluationSummary> found = store.search(new EvaluationQuery(null, null, VERSION, null, null, null, null, 10));
        assertEquals(List.of(id), found.stream().map(EvaluationSummary::id).toList(), "the version filter finds it");
        assertEquals(VERSION, found.get(0).rulesetVersion());
        assertEquals(List.of(id), store.search(new EvaluationQuery(null, "ML-01", null, null, null, null, null, 10))
                .stream().map(EvaluationSummary::id).toList(), "the claim search finds it");
        assertTrue(store.search(new EvaluationQuery(null, null, "sha256:" + "d".repeat(64), null, null, null, null, 10)).isEmpty());

        // A new record of the same version is written under the same number, with the record's dictionary.
        AuditBatchWriter writer = new AuditBatchWriter(database, new RuleFirings(database), new VersionIds(database), RealRules.JSON);
        EvaluationRecord fresh = new EvaluationRecord(UUID.randomUUID(), at.plusSeconds(1), VERSION, "PYTHON", "high", 0, 3,
                "after", read.profile(), read.steps(), read.flags(), read.advice(), false, read.claimsFired(), new byte[32]);
        writer.write(List.of(fresh));
        assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM evaluation_version"));
        assertEquals(2, store.search(new EvaluationQuery(null, null, VERSION, null, null, null, null, 10)).size());
        EvaluationRecord freshRead = ((StoredEvaluation.Compact) store.find(fresh.id()).orElseThrow()).record();
        assertEquals(read.steps(), freshRead.steps());
        assertEquals(VERSION, freshRead.rulesetVersion());
    }

    static byte[] deflatedWithoutDictionary(byte[] json) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(json);
        }
        return bytes.toByteArray();
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
