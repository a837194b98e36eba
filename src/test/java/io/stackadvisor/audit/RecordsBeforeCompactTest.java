package io.stackadvisor.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.db.Database;
import io.stackadvisor.testing.RealRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Records written before evaluations became compact (documents stored whole, claims as rows) stay
 * readable and searchable after the migration, on both databases.
 */
class RecordsBeforeCompactTest {
    static final String SCHEMA = "stack_advisor_migration_test";

    @Test
    void onH2() throws Exception {
        check(MigrationTestDatabases.h2("before-compact"), "h2", "db/h2", "3");
    }

    @Test
    @EnabledIf("io.stackadvisor.audit.PostgresProfile#reachable")
    void onPostgres() throws Exception {
        check(MigrationTestDatabases.postgres(SCHEMA), "postgresql", "db/postgresql", "4");
    }

    /** Migrates to the last version before compact records, writes an old record, then migrates on. */
    private static void check(DataSource dataSource, String kind, String own, String before) throws Exception {
        MigrationTestDatabases.migrateTo(dataSource, own, before);
        UUID id = UUID.randomUUID();
        String document = "{\"id\":\"" + id + "\",\"verdict\":\"PYTHON\",\"profile\":{\"workloads\":[\"ml-training\"]}}";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO evaluation (id, evaluated_at, ruleset_version, "
                    + "verdict, confidence, profile_name, document, node_score, python_score) VALUES (?, ?, ?, 'PYTHON', 'high', 'old', ?, 0, 6)")) {
                insert.setObject(1, id);
                insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-20T10:00:00Z")));
                insert.setString(3, "sha256:" + "b".repeat(64));
                insert.setString(4, document);
                insert.executeUpdate();
            }
            for (String claim : List.of("ML-01", "ML-02")) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO evaluation_claim (claim_id, evaluated_at, evaluation_id) VALUES (?, ?, ?)")) {
                    insert.setString(1, claim);
                    insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-20T10:00:00Z")));
                    insert.setObject(3, id);
                    insert.executeUpdate();
                }
            }
        }
        MigrationTestDatabases.migrateToLatest(dataSource, own);

        Database database = MigrationTestDatabases.database(kind, dataSource);
        EvaluationStore store = new EvaluationStore(database, null, new VersionIds(database), RealRules.JSON);
        StoredEvaluation stored = store.find(id).orElseThrow();
        assertEquals(document, assertInstanceOf(StoredEvaluation.Legacy.class, stored).document());
        List<EvaluationSummary> found = store.search(new EvaluationQuery(null, "ML-02", null, null, null, null, null, 10));
        assertEquals(List.of(id), found.stream().map(EvaluationSummary::id).toList(), "the claim search still finds it");
        assertTrue(store.search(new EvaluationQuery(null, "RT-01", null, null, null, null, null, 10)).isEmpty());
    }
}
