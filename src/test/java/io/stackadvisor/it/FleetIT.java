package io.stackadvisor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.testing.RulesCopy;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged instances on one real PostgreSQL (a fresh schema per run): A publishes its rules folder
 * at start, B does not and has no rules folder at all, so B only ever serves what the database says is
 * live. A reload on A, a promotion back, an uploaded candidate and a broken folder, and how long B
 * takes to follow (at most 10 s).
 */
class FleetIT {
    static final String PG_BASE = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String TOKEN = "fleet-it-token";
    static final long CONVERGE_MS = 10_000;
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"");

    @TempDir
    Path tmp;

    static boolean postgres() {
        return io.stackadvisor.audit.PostgresProfile.reachable();
    }

    static Map<String, String> instance(String schema, Path rules, boolean publishOnStart) {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.profile", "prod,postgresql");
        p.put("quarkus.datasource.\"postgresql\".jdbc.url", PG_BASE + "?currentSchema=" + schema);
        p.put("quarkus.datasource.\"postgresql\".username", "postgres");
        p.put("quarkus.flyway.\"postgresql\".schemas", schema);
        p.put("stack-advisor.admin.token", TOKEN);
        p.put("stack-advisor.rules.dir", rules.toString());
        p.put("stack-advisor.rules.publish-on-start", Boolean.toString(publishOnStart));
        return p;
    }

    static String live(ServiceProcess service) throws Exception {
        HttpResponse<String> r = service.get("/api/v1/ruleset");
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = VERSION.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    /** Milliseconds until the instance serves the version (fails after twice the promise, to report the time). */
    static long converge(ServiceProcess service, String version, String what) throws Exception {
        long start = System.nanoTime();
        while (true) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (version.equals(live(service))) {
                System.out.printf("FleetIT: %s converged in %d ms%n", what, ms);
                assertTrue(ms <= CONVERGE_MS, what + " took " + ms + " ms");
                return ms;
            }
            assertTrue(ms <= 2 * CONVERGE_MS, what + ": still not serving " + version + " after " + ms + " ms");
            Thread.sleep(100);
        }
    }

    static String versionIn(String body) {
        Matcher m = Pattern.compile("\"(?:liveVersion|version)\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    static byte[] zip(Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    @EnabledIf("postgres")
    void everyInstanceServesTheLiveVersion() throws Exception {
        String schema = "fleet_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path rulesA = tmp.resolve("rules-a");
        RulesCopy.reset(rulesA);
        Files.createDirectories(FaultToleranceIT.LOGS);
        try (ServiceProcess a = new ServiceProcess(instance(schema, rulesA, true), FaultToleranceIT.LOGS.resolve("fleet-a.log")).start();
             ServiceProcess b = new ServiceProcess(instance(schema, tmp.resolve("no-rules-here"), false),
                     FaultToleranceIT.LOGS.resolve("fleet-b.log")).start()) {
            String first = live(a);
            assertEquals(first, live(b), "B starts on the version A published");

            // A reload of a changed folder on A: B follows.
            RulesCopy.edit(rulesA, "evidence/realtime.drl", "RT-02 chat and messaging favour Node.js",
                    "RT-02 chat and messaging apps favour Node.js");
            HttpResponse<String> reload = a.postAsAdmin("/api/v1/ruleset/reload", TOKEN);
            assertEquals(200, reload.statusCode(), reload.body());
            String second = versionIn(reload.body());
            assertNotEquals(first, second);
            assertEquals(second, live(a));
            converge(b, second, "reload on A -> B");
            HttpResponse<String> onB = b.post("/api/v1/evaluations", "{\"workloads\": [\"realtime-messaging\"]}");
            assertTrue(onB.body().contains("RT-02 chat and messaging apps favour Node.js") && onB.body().contains(second), onB.body());

            // Promote the first version back (a rollback) on A: B follows.
            assertEquals(200, a.postAsAdmin("/api/v1/rulesets/" + first + "/promote", TOKEN).statusCode());
            assertEquals(first, live(a));
            converge(b, first, "promote back on A -> B");

            // An uploaded candidate is live nowhere until it is promoted; promoted on B, A follows.
            Path upload = tmp.resolve("upload");
            RulesCopy.reset(upload);
            RulesCopy.edit(upload, "evidence/realtime.drl", "RT-02 chat and messaging favour Node.js", "RT-02 chat apps favour Node.js");
            HttpResponse<String> uploaded = b.postArchive("/api/v1/rulesets", TOKEN, zip(upload), "application/zip");
            assertEquals(201, uploaded.statusCode(), uploaded.body());
            String candidate = versionIn(uploaded.body());
            assertTrue(uploaded.body().contains("\"candidate\""), uploaded.body());
            Thread.sleep(3000);
            assertEquals(first, live(a), "a candidate is not live on A");
            assertEquals(first, live(b), "a candidate is not live on B");
            assertEquals(200, b.postAsAdmin("/api/v1/rulesets/" + candidate + "/promote", TOKEN).statusCode());
            assertEquals(candidate, live(b));
            converge(a, candidate, "promote of an upload on B -> A");

            // A broken folder reloaded on A changes nothing anywhere.
            String stored = a.get("/api/v1/rulesets").body();
            RulesCopy.edit(rulesA, "evidence/realtime.drl", "rule \"RT-03", "rul \"RT-03");
            assertEquals(422, a.postAsAdmin("/api/v1/ruleset/reload", TOKEN).statusCode(), "a broken folder is refused");
            Thread.sleep(3000);
            assertEquals(candidate, live(a));
            assertEquals(candidate, live(b));
            assertEquals(stored, a.get("/api/v1/rulesets").body(), "nothing stored, no status changed");
        } finally {
            try (Connection c = DriverManager.getConnection(PG_BASE, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
