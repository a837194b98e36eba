package io.stackadvisor.audit;

import io.stackadvisor.testing.RealRules;
import io.stackadvisor.db.Database;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group commit on a real (in-memory) H2 with the service's own migrations. */
class GroupCommitTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    JdbcDataSource h2;
    volatile boolean databaseDown;
    GroupCommit groupCommit;

    @BeforeEach
    void migrate() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:group-commit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("db/migration", "db/h2").load().migrate();
        Database database = new Database("h2") {
            @Override
            public DataSource dataSource() {
                if (databaseDown) return failing();
                return h2;
            }
        };
        groupCommit = new GroupCommit(new AuditBatchWriter(database, new io.stackadvisor.db.RuleFirings(database), new VersionIds(database), RealRules.JSON), registry, 4096, 64, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        groupCommit.drain();
    }

    @Test
    void concurrentRequestsShareCommitsAndEveryRecordIsThereWhenItsCallReturns() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<UUID>> saved = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            saved.add(clients.submit(() -> {
                EvaluationRecord record = record("client");
                groupCommit.commit(record);
                assertEquals(1, count("SELECT COUNT(*) FROM evaluation WHERE id = '" + record.id() + "'"),
                        "committed before the call returned");
                return record.id();
            }));
        }
        for (Future<UUID> f : saved) f.get();
        clients.shutdown();
        assertEquals(800, count("SELECT COUNT(*) FROM evaluation"));
        assertEquals(1600, count("SELECT COUNT(*) FROM evaluation_claim"));
        DistributionSummary batches = registry.get("stack_advisor.audit.batch").summary();
        assertEquals(800, (long) batches.totalAmount());
        assertTrue(batches.count() < 800, "some transactions carried several records: " + batches.count() + " commits");
    }

    @Test
    void aRecordTheDatabaseRefusesFailsAloneAndTheOthersInItsBatchAreKept() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean bad = i % 10 == 0;
            outcomes.add(clients.submit(() -> {
                try {
                    groupCommit.commit(record(bad ? "x".repeat(300) : "fine"));  // profile_name is VARCHAR(200)
                    return true;
                } catch (AuditUnavailableException e) {
                    return false;
                }
            }));
        }
        int ok = 0;
        for (Future<Boolean> f : outcomes) if (f.get()) ok++;
        clients.shutdown();
        assertEquals(180, ok);
        assertEquals(180, count("SELECT COUNT(*) FROM evaluation"));
        assertEquals(0, count("SELECT COUNT(*) FROM evaluation WHERE profile_name <> 'fine'"));
    }

    @Test
    void whenTheDatabaseIsDownTheCallerIsToldAndNothingIsClaimedThenItRecovers() {
        databaseDown = true;
        assertThrows(AuditUnavailableException.class, () -> groupCommit.commit(record("down")));
        databaseDown = false;
        groupCommit.commit(record("back"));
        assertEquals(1, count("SELECT COUNT(*) FROM evaluation"));
        assertEquals(1, count("SELECT COUNT(*) FROM evaluation WHERE profile_name = 'back'"));
    }

    @Test
    void afterDrainNoRecordIsAcceptedButThoseQueuedBeforeAreCommitted() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> saved = new ArrayList<>();
        for (int i = 0; i < 100; i++) saved.add(clients.submit(() -> groupCommit.commit(record("before"))));
        for (Future<?> f : saved) f.get();
        groupCommit.drain();
        assertThrows(AuditUnavailableException.class, () -> groupCommit.commit(record("after")));
        clients.shutdown();
        assertEquals(100, count("SELECT COUNT(*) FROM evaluation"));
    }

    @Test
    void aBatchIsCommittedInOneTransactionBeforeItsCallReturnsWhateverTheMaxBatch() {
        List<EvaluationRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) records.add(record("batch"));
        groupCommit.commitAll(records);
        assertEquals(300, count("SELECT COUNT(*) FROM evaluation WHERE profile_name = 'batch'"));
        assertEquals(600, count("SELECT COUNT(*) FROM evaluation_claim"));
        DistributionSummary batches = registry.get("stack_advisor.audit.batch").summary();
        assertEquals(1, batches.count(), "one transaction");
        assertEquals(300, (long) batches.totalAmount());
    }

    @Test
    void batchesAndSingleRecordsShareCommitsAndAllAreThere() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> saved = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean batch = i % 10 == 0;
            saved.add(clients.submit(() -> {
                if (!batch) {
                    groupCommit.commit(record("single"));
                    return;
                }
                List<EvaluationRecord> records = new ArrayList<>();
                for (int j = 0; j < 100; j++) records.add(record("batch"));
                groupCommit.commitAll(records);
                for (EvaluationRecord record : List.of(records.get(0), records.get(99))) {
                    assertEquals(1, count("SELECT COUNT(*) FROM evaluation WHERE id = '" + record.id() + "'"),
                            "committed before the call returned");
                }
            }));
        }
        for (Future<?> f : saved) f.get();
        clients.shutdown();
        assertEquals(180, count("SELECT COUNT(*) FROM evaluation WHERE profile_name = 'single'"));
        assertEquals(2000, count("SELECT COUNT(*) FROM evaluation WHERE profile_name = 'batch'"));
    }

    @Test
    void aBatchWithARecordTheDatabaseRefusesIsRefusedWhole() {
        List<EvaluationRecord> records = List.of(record("fine"), record("x".repeat(300)), record("fine"));
        assertThrows(AuditUnavailableException.class, () -> groupCommit.commitAll(records));
        assertEquals(0, count("SELECT COUNT(*) FROM evaluation"));
        groupCommit.commit(record("fine"));
        assertEquals(1, count("SELECT COUNT(*) FROM evaluation"));
    }

    @Test
    void whenTheDatabaseIsDownABatchIsRefusedWhole() {
        databaseDown = true;
        assertThrows(AuditUnavailableException.class, () -> groupCommit.commitAll(List.of(record("down"), record("down"))));
        databaseDown = false;
        assertEquals(0, count("SELECT COUNT(*) FROM evaluation"));
    }

    private static EvaluationRecord record(String name) {
        return new EvaluationRecord(UUID.randomUUID(), Instant.now(), "v1", "NODEJS", "high", 5, 1, name,
                "{\"name\":\"" + name + "\"}", List.of(), List.of(), List.of(), false, Set.of("RT-01", "CC-01"), new byte[32]);
    }

    private long count(String sql) {
        try (Connection c = h2.getConnection(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource failing() {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(GroupCommitTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLTransientConnectionException("connection refused", "08001");
                });
    }
}
