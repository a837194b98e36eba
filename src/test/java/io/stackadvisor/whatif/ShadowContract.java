package io.stackadvisor.whatif;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stackadvisor.testing.RulesCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shadowing a stored candidate on live traffic, through the API of one instance: a harmless
 * candidate agrees on every sample, a verdict-changing one shows its flips with example profiles,
 * stopping stops the counting, answers are the same with and without a shadow. Every candidate
 * carries a fresh comment, so it is new to the database whatever earlier runs stored.
 */
abstract class ShadowContract {
    static final String TOKEN = ShadowProfile.TOKEN;
    static final String CHAT = "{\"workloads\": [\"realtime-messaging\"], \"expectedConcurrentConnections\": 20000}";
    static final String UNKNOWN = "sha256:" + "0".repeat(64);
    static final Path CANDIDATE = Path.of("target/shadow-candidate/rules");

    @AfterEach
    void stopAnyShadow() {
        String live = liveVersion();
        // A stopped shadow stays stopped: stop whichever one a test started.
        for (String version : started) given().header("Authorization", "Bearer " + TOKEN).when().delete(shadowPath(version));
        started.clear();
        assertEquals(live, liveVersion(), "shadows never change the live version");
    }

    private final List<String> started = new java.util.ArrayList<>();

    static String shadowPath(String version) {
        return "/api/v1/rulesets/" + version + "/shadow";
    }

    static String liveVersion() {
        return given().when().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    static Response evaluate(String profile) {
        return given().contentType(ContentType.JSON).body(profile).when().post("/api/v1/evaluations");
    }

    static Response evaluateOn(String version, String profile) {
        return given().contentType(ContentType.JSON).queryParam("rulesetVersion", version).body(profile).when()
                .post("/api/v1/evaluations");
    }

    Response start(String version) {
        started.add(version);
        return given().header("Authorization", "Bearer " + TOKEN).when().post(shadowPath(version));
    }

    static JsonPath shadow(String version) {
        return given().when().get(shadowPath(version)).then().statusCode(200).extract().jsonPath();
    }

    /** The shadow's report once {@code until} holds (counts are flushed about every 200 ms in tests). */
    static JsonPath awaitShadow(String version, Predicate<JsonPath> until) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonPath report = shadow(version);
        while (!until.test(report)) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("shadow never got there: " + report.prettify());
            Thread.sleep(100);
            report = shadow(version);
        }
        return report;
    }

    /** The real rules with a fresh comment: the same decisions, a new version. */
    static String uploadHarmless() throws IOException {
        RulesCopy.reset(CANDIDATE);
        freshComment(CANDIDATE);
        return upload(CANDIDATE).then().statusCode(201).extract().path("version");
    }

    /**
     * Real-time evidence credited to Python instead of Node.js: a chat profile's verdict changes. The
     * scenarios that expected the old verdicts are left out (the test profile does not require coverage).
     */
    static String uploadVerdictChanging() throws IOException {
        RulesCopy.reset(CANDIDATE);
        freshComment(CANDIDATE);
        Path drl = CANDIDATE.resolve("evidence/realtime.drl");
        String rules = Files.readString(drl);
        Files.writeString(drl, rules.replace("Side.NODEJS", "Side.PYTHON"));
        // The catalogue says the same (the linter holds rules and catalogue to each other).
        java.util.Set<String> moved = new java.util.HashSet<>();
        java.util.regex.Matcher rule = java.util.regex.Pattern.compile("@claim\\(\"([^\"]+)\"\\)(?:(?!\\bend\\b).)*?Side\\.NODEJS",
                java.util.regex.Pattern.DOTALL).matcher(rules);
        while (rule.find()) moved.add(rule.group(1));
        assertFalse(moved.isEmpty());
        Path claims = CANDIDATE.resolve("catalogue/claims.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode catalogue = json.readTree(claims.toFile());
        for (com.fasterxml.jackson.databind.JsonNode claim : catalogue.isArray() ? catalogue : catalogue.path("claims")) {
            if (moved.contains(claim.path("id").asText())) ((com.fasterxml.jackson.databind.node.ObjectNode) claim).put("favours", "PYTHON");
        }
        json.writerWithDefaultPrettyPrinter().writeValue(claims.toFile(), catalogue);
        for (int attempt = 0; attempt < 5; attempt++) {
            Response response = upload(CANDIDATE);
            if (response.statusCode() == 201) return response.path("version");
            assertEquals(422, response.statusCode(), response.asString());
            List<String> failed = response.jsonPath().getList("failedScenarios.file");
            assertFalse(failed == null || failed.isEmpty(), "rejected for something else than scenarios: " + response.asString());
            for (String file : failed) {
                Path scenario = CANDIDATE.resolve(file);
                if (!Files.exists(scenario)) scenario = CANDIDATE.resolve("scenarios").resolve(file);
                Files.deleteIfExists(scenario);
            }
        }
        throw new AssertionError("the verdict-changing candidate never passed its gate");
    }

    static void freshComment(Path rules) throws IOException {
        Path drl = rules.resolve("evidence/realtime.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// shadow test " + UUID.randomUUID() + "\n");
    }

    static Response upload(Path dir) throws IOException {
        return given().header("Authorization", "Bearer " + TOKEN).contentType("application/zip").body(zip(dir))
                .when().post("/api/v1/rulesets");
    }

    static byte[] zip(Path dir) throws IOException {
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

    /** What an answer says, without what differs between two evaluations of one profile (id, time). */
    static Map<String, Object> decision(Response answer) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(answer.then().statusCode(201).extract().jsonPath().getMap("$"));
        body.remove("id");
        body.remove("evaluatedAt");
        return body;
    }

    @Test
    void aHarmlessCandidateAgreesOnEverySample() throws Exception {
        String candidate = uploadHarmless();
        start(candidate).then().statusCode(200).body("version", equalTo(candidate)).body("status", equalTo("running"))
                .body("compared", equalTo(0)).body("stoppedAt", equalTo(null));
        int n = 12;
        String[] profiles = {CHAT,
                "{\"workloads\":[\"rest-api\",\"recommendations\",\"ml-inference\"],\"domain\":\"ecommerce\",\"expectedConcurrentConnections\":8000}",
                "{\"workloads\":[\"data-pipeline\",\"ml-training\"],\"team\":{\"python\":\"strong\"},\"domain\":\"ai-ml-product\"}"};
        for (int i = 0; i < n; i++) evaluate(profiles[i % profiles.length]).then().statusCode(201);
        JsonPath report = awaitShadow(candidate, r -> r.getLong("compared") >= n);
        assertEquals(n, report.getLong("compared"));
        assertEquals(n, report.getLong("agreed"));
        assertEquals(0, report.getLong("dropped"));
        assertEquals(1.0, report.getDouble("agreementRate"), 1e-9);
        assertEquals(List.of(), report.getList("flips"));
        assertEquals(List.of(), report.getList("claims"));
        assertEquals("running", report.getString("status"));
    }

    @Test
    void aVerdictChangingCandidateShowsItsFlipsWithExampleProfiles() throws Exception {
        String candidate = uploadVerdictChanging();
        String liveVerdict = evaluate(CHAT).then().statusCode(201).extract().path("verdict");
        String candidateVerdict = evaluateOn(candidate, CHAT).then().statusCode(201).extract().path("verdict");
        assertNotEquals(liveVerdict, candidateVerdict, "the edit changes the chat profile's verdict");
        start(candidate).then().statusCode(200);
        for (int i = 0; i < 5; i++) evaluate(CHAT).then().statusCode(201);
        JsonPath report = awaitShadow(candidate, r -> r.getLong("compared") >= 5);
        assertEquals(5, report.getLong("compared"));
        assertEquals(0, report.getLong("agreed"));
        assertEquals(0.0, report.getDouble("agreementRate"), 1e-9);
        assertEquals(liveVerdict, report.getString("flips[0].from"));
        assertEquals(candidateVerdict, report.getString("flips[0].to"));
        assertEquals(5, report.getInt("flips[0].count"));
        List<Map<String, Object>> examples = report.getList("flips[0].examples");
        assertEquals(3, examples.size(), "at most 3 examples");
        assertEquals(List.of("realtime-messaging"), examples.get(0).get("workloads"));
        assertEquals(20000, examples.get(0).get("expectedConcurrentConnections"));
        assertFalse(report.getList("claims").isEmpty(), "claims shift when evidence changes side");
        // Managers see the trial on the dashboard, in words: every compared answer would change.
        String dashboard = io.restassured.RestAssured.given().when().get("/ui/dashboard").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(dashboard.contains("Trials of new rules on live traffic"), "shadow chart shown");
        org.junit.jupiter.api.Assertions.assertTrue(dashboard.contains("100.0%"), "its flip rate shown");
    }

    @Test
    void stoppingStopsTheCountingAndKeepsTheCounts() throws Exception {
        String candidate = uploadHarmless();
        start(candidate).then().statusCode(200);
        for (int i = 0; i < 3; i++) evaluate(CHAT).then().statusCode(201);
        awaitShadow(candidate, r -> r.getLong("compared") >= 3);
        given().header("Authorization", "Bearer " + TOKEN).when().delete(shadowPath(candidate)).then().statusCode(200)
                .body("status", equalTo("stopped")).body("compared", equalTo(3));
        for (int i = 0; i < 3; i++) evaluate(CHAT).then().statusCode(201);
        Thread.sleep(1_000);
        JsonPath after = shadow(candidate);
        assertEquals("stopped", after.getString("status"));
        assertEquals(3, after.getLong("compared"), "nothing is compared after the stop");
        assertTrue(after.getString("stoppedAt") != null);
        given().header("Authorization", "Bearer " + TOKEN).when().delete(shadowPath(candidate)).then().statusCode(200)
                .body("status", equalTo("stopped"));
    }

    @Test
    void answersAreTheSameWithAndWithoutAShadow() throws Exception {
        String candidate = uploadVerdictChanging();
        Map<String, Object> without = decision(evaluate(CHAT));
        start(candidate).then().statusCode(200);
        Map<String, Object> with = decision(evaluate(CHAT));
        assertEquals(without, with);
        awaitShadow(candidate, r -> r.getLong("compared") >= 1);
        assertEquals(without, decision(evaluate(CHAT)));
    }

    @Test
    void adminOnlyAndProblemsForBadVersions() throws Exception {
        String candidate = uploadHarmless();
        given().when().post(shadowPath(candidate)).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").when().post(shadowPath(candidate)).then().statusCode(401);
        given().when().delete(shadowPath(candidate)).then().statusCode(401);
        given().when().get(shadowPath(candidate)).then().statusCode(404)
                .body("type", equalTo("https://stack-advisor.io/problems/shadow-not-found"));
        given().header("Authorization", "Bearer " + TOKEN).when().delete(shadowPath(candidate)).then().statusCode(404);
        start(UNKNOWN).then().statusCode(404).body("type", equalTo("https://stack-advisor.io/problems/ruleset-version-not-found"));
        given().when().get(shadowPath(UNKNOWN)).then().statusCode(404)
                .body("type", equalTo("https://stack-advisor.io/problems/ruleset-version-not-found"));
        start("sha256:nothex").then().statusCode(400).body("errors[0].field", equalTo("path.version"));
        given().when().get(shadowPath("latest")).then().statusCode(400);
        String live = liveVersion();
        start(live).then().statusCode(409).body("type", equalTo("https://stack-advisor.io/problems/shadow-of-live-version"));
        given().when().get(shadowPath(live)).then().statusCode(404);
    }

    @Test
    void startingAnotherShadowStopsTheFirst() throws Exception {
        String first = uploadHarmless();
        String second = uploadHarmless();
        start(first).then().statusCode(200).body("status", equalTo("running"));
        start(second).then().statusCode(200).body("status", equalTo("running"));
        assertEquals("stopped", shadow(first).getString("status"));
        assertNull(shadow(second).get("stoppedAt"));
    }
}
