package io.stackadvisor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import io.stackadvisor.testing.RulesCopy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as a real process under concurrent load: killed with SIGKILL and restarted,
 * its database connections cut, its PostgreSQL restarted while rulesets are reloaded (broken and good),
 * two instances on one PostgreSQL. Every 201 it ever returned must be
 * readable afterwards, exactly as returned.
 */
class FaultToleranceIT {
    static final Path LOGS = Path.of("target/it-logs");
    static final String PG_SCHEMA = "stack_advisor_it";
    static final String PG_BASE = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String PG_APP = "stack-advisor-it";
    static final String ADMIN_TOKEN = "it-admin-token";

    @TempDir
    Path tmp;

    @BeforeAll
    static void logs() throws Exception {
        Files.createDirectories(LOGS);
    }

    static boolean postgres() {
        return io.stackadvisor.audit.PostgresProfile.reachable();
    }

    Map<String, String> h2() {
        return Map.of("quarkus.datasource.\"h2\".jdbc.url", "jdbc:h2:file:" + tmp.resolve("audit") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=5000;DEFRAG_ALWAYS=TRUE");
    }

    static Map<String, String> postgresql() {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.profile", "prod,postgresql");
        p.put("quarkus.datasource.\"postgresql\".jdbc.url", PG_BASE + "?currentSchema=" + PG_SCHEMA + "&ApplicationName=" + PG_APP);
        p.put("quarkus.datasource.\"postgresql\".username", "postgres");
        p.put("quarkus.flyway.\"postgresql\".schemas", PG_SCHEMA);
        return p;
    }

    static void dropPostgresSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(PG_BASE, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
        }
    }

    @Test
    void h2KilledUnderLoadLosesNoAcknowledgedEvaluation() throws Exception {
        killUnderLoadAndReadBack(h2(), "h2-kill");
    }

    @Test
    @EnabledIf("postgres")
    void postgresKilledUnderLoadLosesNoAcknowledgedEvaluation() throws Exception {
        dropPostgresSchema();
        killUnderLoadAndReadBack(postgresql(), "pg-kill");
    }

    private void killUnderLoadAndReadBack(Map<String, String> config, String name) throws Exception {
        LoadClients load;
        try (ServiceProcess first = new ServiceProcess(config, LOGS.resolve(name + "-1.log")).start()) {
            load = new LoadClients(4, () -> first);
            load.awaitAcknowledged(30);
            Thread.sleep(500);
            first.kill();
            load.stop();
        }
        assertTrue(load.acknowledged.size() > 20, "acknowledged before the kill: " + load.acknowledged.size());
        assertEquals(List.of(), load.otherStatuses.stream().filter(s -> s >= 500).toList(), "5xx before the kill");
        // Read back after the kill, then again after a clean shutdown (H2 rewrites its file as it closes).
        for (String run : List.of("-2", "-3")) {
            try (ServiceProcess next = new ServiceProcess(config, LOGS.resolve(name + run + ".log")).start()) {
                for (Map.Entry<String, String> ack : load.acknowledged.entrySet()) {
                    HttpResponse<String> r = next.get("/api/v1/evaluations/" + ack.getKey());
                    assertEquals(200, r.statusCode(), "acknowledged " + ack.getKey() + " lost" + run);
                    assertEquals(ack.getValue(), r.body(), "acknowledged " + ack.getKey() + " changed" + run);
                }
            }
        }
    }

    @Test
    @EnabledIf("postgres")
    void cutDatabaseConnectionsAreSurvivedWithoutManualAction() throws Exception {
        dropPostgresSchema();
        try (ServiceProcess service = new ServiceProcess(postgresql(), LOGS.resolve("pg-cut.log")).start()) {
            LoadClients load = new LoadClients(4, () -> service);
            load.awaitAcknowledged(5);
            for (int i = 0; i < 3; i++) {
                try (Connection c = DriverManager.getConnection(PG_BASE, "postgres", ""); Statement s = c.createStatement()) {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + PG_APP + "'");
                }
                Thread.sleep(300);
            }
            Thread.sleep(3000);
            load.stop();
            assertTrue(load.otherStatuses.stream().allMatch(s -> s == 503), "only 503 while connections were cut: " + load.otherStatuses);
            HttpResponse<String> after = service.post("/api/v1/evaluations", LoadClients.PROFILES[0]);
            assertEquals(201, after.statusCode(), "recovered by itself");
            for (Map.Entry<String, String> ack : load.acknowledged.entrySet()) {
                assertEquals(ack.getValue(), service.get("/api/v1/evaluations/" + ack.getKey()).body());
            }
        }
    }

    @Test
    @EnabledIf("postgresCanBeRestarted")
    void reloadsAndAPostgresRestartUnderLoadAreSurvivedWithoutManualAction() throws Exception {
        dropPostgresSchema();
        Path rules = tmp.resolve("rules");
        RulesCopy.reset(rules);
        Map<String, String> config = new HashMap<>(postgresql());
        config.put("stack-advisor.rules.dir", rules.toString());
        config.put("stack-advisor.admin.token", ADMIN_TOKEN);
        try (ServiceProcess service = new ServiceProcess(config, LOGS.resolve("pg-restart.log")).start()) {
            LoadClients load = new LoadClients(4, () -> service);
            load.awaitAcknowledged(5);
            RulesCopy.edit(rules, "evidence/realtime.drl", "rule \"RT-03", "rul \"RT-03");
            assertEquals(422, service.postAsAdmin("/api/v1/ruleset/reload", ADMIN_TOKEN).statusCode(), "a broken ruleset is refused");
            int before = load.acknowledged.size();
            try {
                postgresCluster("restart");
            } finally {
                if (!postgres()) postgresCluster("start");
            }
            RulesCopy.reset(rules);
            RulesCopy.edit(rules, "evidence/realtime.drl", "RT-02 chat and messaging favour Node.js", "RT-02 chat and messaging apps favour Node.js");
            assertEquals(200, service.postAsAdmin("/api/v1/ruleset/reload", ADMIN_TOKEN).statusCode(), "a good ruleset goes live");
            HttpResponse<String> after = null;
            for (int i = 0; i < 40 && (after == null || after.statusCode() != 201); i++) {
                Thread.sleep(250);
                after = service.post("/api/v1/evaluations", LoadClients.PROFILES[0]);
            }
            Thread.sleep(1500);
            load.stop();
            assertEquals(201, after.statusCode(), "recovered by itself after the restart");
            assertTrue(load.acknowledged.size() > before, "evaluations were acknowledged after the restart");
            assertTrue(load.otherStatuses.stream().allMatch(s -> s == 503), "only 503 while the database restarted: " + load.otherStatuses);
            for (Map.Entry<String, String> ack : load.acknowledged.entrySet()) {
                assertEquals(ack.getValue(), service.get("/api/v1/evaluations/" + ack.getKey()).body());
            }
            assertTrue(load.acknowledged.values().stream().map(FaultToleranceIT::rulesetVersion).distinct().count() == 2,
                    "evaluations were answered by the first and by the reloaded ruleset");
        }
    }

    private static String rulesetVersion(String document) {
        return document.replaceAll("(?s).*\"rulesetVersion\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** The local cluster can be restarted when this machine runs it under pg_ctlcluster and we may do so (CI). */
    static boolean postgresCanBeRestarted() {
        return postgres() && Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) && Files.isDirectory(Path.of("/etc/postgresql"))
                && "root".equals(System.getProperty("user.name"));
    }

    static void postgresCluster(String action) throws Exception {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "-m", "fast", version, "main", action)
                .redirectErrorStream(true).redirectOutput(LOGS.resolve("pg-ctlcluster.log").toFile()).start();
        assertEquals(0, p.waitFor(), "pg_ctlcluster " + action + " (see target/it-logs/pg-ctlcluster.log)");
    }

    @Test
    @EnabledIf("postgres")
    void twoInstancesShareOnePostgres() throws Exception {
        dropPostgresSchema();
        try (ServiceProcess a = new ServiceProcess(postgresql(), LOGS.resolve("pg-two-a.log")).start();
             ServiceProcess b = new ServiceProcess(postgresql(), LOGS.resolve("pg-two-b.log")).start()) {
            AtomicReference<String> fromA = new AtomicReference<>();
            HttpResponse<String> postedToA = a.post("/api/v1/evaluations", "{\"name\": \"via A\", \"workloads\": [\"data-pipeline\"]}");
            HttpResponse<String> postedToB = b.post("/api/v1/evaluations", "{\"name\": \"via B\", \"workloads\": [\"media-streaming\"]}");
            assertEquals(201, postedToA.statusCode());
            assertEquals(201, postedToB.statusCode());
            fromA.set(postedToA.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
            String fromB = postedToB.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
            assertEquals(postedToA.body(), b.get("/api/v1/evaluations/" + fromA.get()).body(), "B reads A's record");
            assertEquals(postedToB.body(), a.get("/api/v1/evaluations/" + fromB).body(), "A reads B's record");
            assertTrue(a.get("/api/v1/evaluations?name=via%20B").body().contains(fromB), "A's search finds B's record");
        }
    }
}
