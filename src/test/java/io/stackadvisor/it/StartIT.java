package io.stackadvisor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.testing.RulesCopy;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service's start: on the rules the build gated it reads them from the jar's compiled
 * form (no DRL compile, no scenarios); a changed folder is gated in full before it goes live.
 */
class StartIT {
    static final Path LOGS = Path.of("target/it-logs");
    static final String BODY = "{\"workloads\":[\"realtime-messaging\"],\"expectedConcurrentConnections\":300}";

    @TempDir
    Path tmp;

    @BeforeAll
    static void logs() throws Exception {
        Files.createDirectories(LOGS);
    }

    @Test
    void theBuildsRulesAreReadFromTheJarAndAChangedFolderIsGatedInFull() throws Exception {
        Path bundledLog = LOGS.resolve("start-bundled.log");
        Files.deleteIfExists(bundledLog);
        String bundledVersion;
        try (ServiceProcess service = new ServiceProcess(config(Path.of("rules"), "bundled"), bundledLog).start()) {
            HttpResponse<String> answer = service.post("/api/v1/evaluations", BODY);
            assertEquals(201, answer.statusCode(), answer.body());
            bundledVersion = versionIn(answer.body());
        }
        String log = Files.readString(bundledLog);
        assertTrue(log.contains("Rules " + bundledVersion + " read from the build's compiled form"), log);
        assertTrue(log.contains("gate passed before"), log);

        Path changed = tmp.resolve("rules");
        RulesCopy.reset(changed);
        RulesCopy.edit(changed, "catalogue/claims.json", "Node.js is well suited to real-time apps",
                "Node.js is very well suited to real-time apps");
        Path changedLog = LOGS.resolve("start-changed.log");
        Files.deleteIfExists(changedLog);
        try (ServiceProcess service = new ServiceProcess(config(changed, "changed"), changedLog).start()) {
            HttpResponse<String> answer = service.post("/api/v1/evaluations", BODY);
            assertEquals(201, answer.statusCode(), answer.body());
            String version = versionIn(answer.body());
            assertFalse(version.equals(bundledVersion), "a changed folder is a new version");
            assertTrue(answer.body().contains("Node.js is very well suited to real-time apps"), answer.body());
        }
        String gated = Files.readString(changedLog);
        assertFalse(gated.contains("read from the build's compiled form"), gated);
        assertTrue(gated.matches("(?s).*live \\(startup\\): \\d+ rules, \\d+ scenarios passed.*"), gated);
    }

    /**
     * The README's start command maps the class-data archive the package phase wrote from a run of this build.
     * With -Xshare:on the JVM refuses to start on an archive that is missing, stale or from another JVM, so this
     * fails if the build stops writing it or writes one that does not fit the jars it ships.
     */
    @Test
    void theBuildsClassDataArchiveServesTheStart() throws Exception {
        Path archive = Path.of("target/quarkus-app/app-cds.jsa");
        assertTrue(Files.isRegularFile(archive), "the package phase writes " + archive);
        Path classes = LOGS.resolve("start-cds-classes.txt");
        Files.deleteIfExists(classes);
        try (ServiceProcess service = new ServiceProcess(config(Path.of("rules"), "cds"), LOGS.resolve("start-cds.log"))
                .withJvmOptions("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:class+load=info:file=" + classes).start()) {
            HttpResponse<String> answer = service.post("/api/v1/evaluations", BODY);
            assertEquals(201, answer.statusCode(), answer.body());
        }
        String loaded = Files.readString(classes);
        for (String className : new String[] {"io.stackadvisor.engine.DecisionEngine", "org.drools.core.impl.KnowledgeBaseImpl",
                "io.quarkus.runtime.Application", "org.h2.mvstore.MVStore"}) {
            assertTrue(loaded.contains(className + " source: shared objects file"), className + " was not mapped from the archive");
        }
    }

    private Map<String, String> config(Path rules, String name) {
        return Map.of("stack-advisor.rules.dir", rules.toAbsolutePath().toString(),
                "quarkus.datasource.\"h2\".jdbc.url", "jdbc:h2:file:" + tmp.resolve(name + "/audit") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    private static String versionIn(String body) {
        int at = body.indexOf("\"rulesetVersion\":\"");
        assertTrue(at >= 0, body);
        return body.substring(at + 18, body.indexOf('"', at + 18));
    }
}
