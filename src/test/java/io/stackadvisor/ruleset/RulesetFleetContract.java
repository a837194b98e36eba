package io.stackadvisor.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One ruleset across the fleet, seen through the API of one instance: the live pointer moved by a
 * reload (or not, with promote=false), candidates uploaded as zip or tar.gz, promote and rollback,
 * statuses, diffs, evaluations pinned to a stored version. Every edited version carries a fresh
 * comment, so it is new to the database whatever earlier runs stored.
 */
abstract class RulesetFleetContract {
    static final Path RULES = FleetProfile.RULES;
    static final String TOKEN = ReloadProfile.TOKEN;
    static final String CHAT = "{\"workloads\": [\"realtime-messaging\"], \"expectedConcurrentConnections\": 20000}";
    static final String OLD_NAME = "RT-02 chat and messaging favour Node.js";
    static final String UNKNOWN = "sha256:" + "0".repeat(64);

    @BeforeEach
    void startFromTheRealRules() {
        RulesCopy.reset(RULES);
        reload(true).then().statusCode(200);
    }

    static Response reload(boolean promote) {
        return given().header("Authorization", "Bearer " + TOKEN).queryParam("promote", promote).when().post("/api/v1/ruleset/reload");
    }

    static String instanceVersion() {
        return given().when().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    /** version → status, from GET /api/v1/rulesets. */
    static Map<String, String> statuses() {
        JsonPath list = given().when().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath();
        Map<String, String> statuses = new java.util.HashMap<>();
        List<String> versions = list.getList("version");
        List<String> status = list.getList("status");
        for (int i = 0; i < versions.size(); i++) statuses.put(versions.get(i), status.get(i));
        assertEquals(1, status.stream().filter("live"::equals).count(), "exactly one live version: " + statuses);
        return statuses;
    }

    /** The rules copy with a fresh comment (a version no run stored before), and the RT-02 rule renamed to {@code newName}. */
    static void freshEdit(Path rules, String newName) {
        if (newName != null) RulesCopy.edit(rules, "evidence/realtime.drl", "rule \"" + OLD_NAME + "\"", "rule \"" + newName + "\"");
        try {
            Path drl = rules.resolve("evidence/realtime.drl");
            Files.writeString(drl, Files.readString(drl) + "\n// fleet test " + UUID.randomUUID() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newName() {
        return "RT-02 chat apps favour Node.js " + UUID.randomUUID().toString().substring(0, 8);
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

    /** As people make one: tar -czf rules.tar.gz rules (entries below a top folder). */
    static byte[] tarGz(Path dir) throws Exception {
        Path archive = Files.createTempFile("rules", ".tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", dir.getParent().toString(),
                dir.getFileName().toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        byte[] bytes = Files.readAllBytes(archive);
        Files.delete(archive);
        return bytes;
    }

    static Response upload(byte[] archive, String contentType) {
        return given().header("Authorization", "Bearer " + TOKEN).contentType(contentType).body(archive)
                .when().post("/api/v1/rulesets");
    }

    static Response promote(String version) {
        return given().header("Authorization", "Bearer " + TOKEN).when().post("/api/v1/rulesets/" + version + "/promote");
    }

    static Response evaluate(String version) {
        return given().contentType(ContentType.JSON).queryParam("rulesetVersion", version).body(CHAT).when().post("/api/v1/evaluations");
    }

    @Test
    void aReloadMovesTheLivePointer() {
        String before = instanceVersion();
        freshEdit(RULES, newName());
        String after = reload(true).then().statusCode(200).body("result", equalTo("APPLIED")).extract().path("liveVersion");
        assertNotEquals(before, after);
        assertEquals(after, instanceVersion());
        Map<String, String> statuses = statuses();
        assertEquals("live", statuses.get(after));
        assertEquals("previous", statuses.get(before));
    }

    @Test
    void aReloadWithPromoteFalseStoresACandidateOnly() {
        String before = instanceVersion();
        String name = newName();
        freshEdit(RULES, name);
        String candidate = reload(false).then().statusCode(200).body("result", equalTo("STORED"))
                .body("liveVersion", equalTo(before)).extract().path("candidateVersion");
        assertEquals(before, instanceVersion());
        assertEquals("candidate", statuses().get(candidate));
        evaluate(null).then().statusCode(201).body("rulesetVersion", equalTo(before)).body("trace.rule", hasItem(OLD_NAME));
        promote(candidate).then().statusCode(200).body("version", equalTo(candidate)).body("status", equalTo("live"));
        assertEquals(candidate, instanceVersion());
        given().contentType(ContentType.JSON).body(CHAT).when().post("/api/v1/evaluations").then().statusCode(201)
                .body("rulesetVersion", equalTo(candidate)).body("trace.rule", hasItem(name));
    }

    @Test
    void uploadedZipAndTarGzAreCandidatesUntilPromotedAndARollbackIsAPromotion() throws Exception {
        String before = instanceVersion();
        Path copy = Path.of("target/fleet-upload-rules/rules");
        RulesCopy.reset(copy);
        String name = newName();
        freshEdit(copy, name);
        Response zipped = upload(zip(copy), "application/zip");
        zipped.then().statusCode(201).body("status", equalTo("candidate")).body("gateReport.trigger", equalTo("upload"))
                .body("gateReport.scenariosPassed", org.hamcrest.Matchers.greaterThan(0));
        String fromZip = zipped.path("version");
        assertTrue(zipped.header("Location").endsWith("/api/v1/rulesets/" + fromZip), zipped.header("Location"));
        upload(zip(copy), "application/zip").then().statusCode(200).body("version", equalTo(fromZip));
        assertEquals(before, instanceVersion(), "an uploaded candidate is not live");

        RulesCopy.reset(copy);
        freshEdit(copy, null);
        Response tarred = upload(tarGz(copy), "application/gzip");
        tarred.then().statusCode(201).body("status", equalTo("candidate"));
        String fromTar = tarred.path("version");
        assertNotEquals(fromZip, fromTar);
        assertEquals(before, instanceVersion());
        given().when().get("/api/v1/rulesets/" + fromTar).then().statusCode(200).body("status", equalTo("candidate"))
                .body("files", hasItem("evidence/realtime.drl")).body("rules.name", hasItem(OLD_NAME))
                .body("rules.find { it.name == '" + OLD_NAME + "' }.file", equalTo("evidence/realtime.drl"))
                .body("rules.find { it.name == '" + OLD_NAME + "' }.claim", equalTo("RT-02"))
                .body("rules.find { it.name == '" + OLD_NAME + "' }.phase", equalTo("evidence"))
                .body("rules.find { it.name == '" + OLD_NAME + "' }.line", equalTo(16));

        promote(fromZip).then().statusCode(200).body("status", equalTo("live"));
        assertEquals(fromZip, instanceVersion());
        evaluate(null).then().statusCode(201).body("rulesetVersion", equalTo(fromZip)).body("trace.rule", hasItem(name));
        Map<String, String> statuses = statuses();
        assertEquals("live", statuses.get(fromZip));
        assertEquals("previous", statuses.get(before));
        assertEquals("candidate", statuses.get(fromTar));

        promote(before).then().statusCode(200).body("status", equalTo("live"));
        assertEquals(before, instanceVersion(), "rolled back");
        statuses = statuses();
        assertEquals("live", statuses.get(before));
        assertEquals("previous", statuses.get(fromZip));
        evaluate(null).then().statusCode(201).body("rulesetVersion", equalTo(before)).body("trace.rule", hasItem(OLD_NAME));
    }

    @Test
    void aBrokenUploadIsRejectedWithItsProblemsAndStoresNothing() throws Exception {
        int stored = statuses().size();
        Path copy = Path.of("target/fleet-upload-rules/rules");
        RulesCopy.reset(copy);
        freshEdit(copy, null);
        RulesCopy.edit(copy, "evidence/realtime.drl", "Profile( workloads contains \"multiplayer-gaming\" )",
                "Profile( workloads contains \"multiplayer-gaming\" ");
        Response rejected = upload(zip(copy), "application/zip");
        rejected.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://stack-advisor.io/problems/ruleset-rejected"))
                .body("problems.file", hasItem("evidence/realtime.drl"));
        assertTrue(rejected.jsonPath().getInt("problems[0].line") > 0);
        upload("not an archive".getBytes(), "application/zip").then().statusCode(422);
        assertEquals(stored, statuses().size(), "nothing stored");
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.TEXT).body("x").when().post("/api/v1/rulesets")
                .then().statusCode(415);
    }

    @Test
    void aDiffShowsAddedRemovedAndChangedRulesAndClaims() {
        String before = instanceVersion();
        String name = newName();
        freshEdit(RULES, name);
        RulesCopy.edit(RULES, "evidence/realtime.drl", "@claim(\"RT-03\")", "@claim(\"RT-03\")\n    // reviewed");
        RulesCopy.edit(RULES, "catalogue/claims.json", "\"Node.js handles chat and messaging well\"",
                "\"Node.js handles chat and messaging apps well\"");
        String after = reload(false).then().statusCode(200).body("result", equalTo("STORED")).extract().path("candidateVersion");
        JsonPath diff = given().when().get("/api/v1/rulesets/" + before + "/diff/" + after).then().statusCode(200)
                .body("from", equalTo(before)).body("to", equalTo(after))
                .body("rules.added.name", equalTo(List.of(name)))
                .body("rules.removed.name", equalTo(List.of(OLD_NAME)))
                .body("rules.added[0].drl", startsWith("rule \"" + name + "\""))
                .body("rules.changed.name", hasItem(org.hamcrest.Matchers.startsWith("RT-03")))
                .body("claims.changed.id", equalTo(List.of("RT-02")))
                .body("claims.changed[0].from.statement", equalTo("Node.js handles chat and messaging well"))
                .body("claims.changed[0].to.statement", equalTo("Node.js handles chat and messaging apps well"))
                .body("claims.added", equalTo(List.of())).body("claims.removed", equalTo(List.of()))
                .extract().jsonPath();
        String changedFrom = diff.getString("rules.changed[0].from.drl");
        String changedTo = diff.getString("rules.changed[0].to.drl");
        assertTrue(!changedFrom.contains("// reviewed") && changedTo.contains("// reviewed") && changedTo.strip().endsWith("end"),
                changedFrom + "\n---\n" + changedTo);
        given().when().get("/api/v1/rulesets/" + after + "/diff/" + before).then().statusCode(200)
                .body("rules.added.name", equalTo(List.of(OLD_NAME))).body("rules.removed.name", equalTo(List.of(name)));
    }

    @Test
    void anEvaluationPinnedToAPreviousVersionIsDecidedAndRecordedByIt() {
        String previous = instanceVersion();
        String name = newName();
        freshEdit(RULES, name);
        String live = reload(true).then().statusCode(200).extract().path("liveVersion");
        Response pinned = evaluate(previous);
        pinned.then().statusCode(201).body("rulesetVersion", equalTo(previous)).body("trace.rule", hasItem(OLD_NAME))
                .body("trace.rule", not(hasItem(name)));
        given().when().get(pinned.header("Location")).then().statusCode(200).body("rulesetVersion", equalTo(previous))
                .body("trace.rule", hasItem(OLD_NAME));
        given().contentType(ContentType.JSON).body(CHAT).when().post("/api/v1/evaluations").then().statusCode(201)
                .body("rulesetVersion", equalTo(live)).body("trace.rule", hasItem(name));
        given().when().get("/api/v1/evaluations?rulesetVersion=" + previous).then().statusCode(200);
        given().queryParam("against", previous).queryParam("max", 5).when().post("/api/v1/evaluations/impact").then()
                .statusCode(200).body("against", equalTo(previous)).body("rulesetVersion", equalTo(previous));
    }

    @Test
    void unknownAndMalformedVersionsAreProblems() {
        evaluate(UNKNOWN).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://stack-advisor.io/problems/ruleset-version-not-found"))
                .body("errors.field", equalTo(List.of("query.rulesetVersion")));
        evaluate("sha256:abc").then().statusCode(400).body("type", equalTo("https://stack-advisor.io/problems/invalid-parameter"))
                .body("errors.field", equalTo(List.of("query.rulesetVersion")));
        given().when().get("/api/v1/rulesets/" + UNKNOWN).then().statusCode(404).body("errors.field", equalTo(List.of("path.version")));
        given().when().get("/api/v1/rulesets/latest").then().statusCode(400).body("errors.field", equalTo(List.of("path.version")));
        String live = instanceVersion();
        given().when().get("/api/v1/rulesets/" + live + "/diff/" + UNKNOWN).then().statusCode(404)
                .body("errors.field", equalTo(List.of("path.b")));
        given().when().get("/api/v1/rulesets/nope/diff/" + live).then().statusCode(400).body("errors.field", equalTo(List.of("path.a")));
        promote(UNKNOWN).then().statusCode(404);
        promote("SHA256:x").then().statusCode(400);
        given().queryParam("against", UNKNOWN).when().post("/api/v1/evaluations/impact").then().statusCode(404)
                .body("errors.field", equalTo(List.of("query.against")));
        given().queryParam("against", "yesterday").when().post("/api/v1/evaluations/impact").then().statusCode(400);
        reload(true).then().statusCode(200);
        given().header("Authorization", "Bearer " + TOKEN).queryParam("promote", "maybe").when().post("/api/v1/ruleset/reload")
                .then().statusCode(400).body("errors.field", equalTo(List.of("query.promote")));
    }

    @Test
    void adminOperationsNeedTheToken() throws Exception {
        String live = instanceVersion();
        given().contentType("application/zip").body(zip(RULES)).when().post("/api/v1/rulesets").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").contentType("application/gzip").body(tarGz(RULES)).when()
                .post("/api/v1/rulesets").then().statusCode(401);
        given().when().post("/api/v1/rulesets/" + live + "/promote").then().statusCode(401);
        given().when().post("/api/v1/ruleset/reload?promote=false").then().statusCode(401);
        given().when().get("/api/v1/rulesets").then().statusCode(200);
        given().when().get("/api/v1/rulesets/" + live).then().statusCode(200).body("status", equalTo("live"));
    }
}
