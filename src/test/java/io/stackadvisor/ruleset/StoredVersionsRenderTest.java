package io.stackadvisor.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.stackadvisor.db.Database;
import io.stackadvisor.testing.RulesCopy;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records keep what decided and are rendered on the version that decided them: GET gives the bytes
 * POST answered, also after a reload that changed a statement (the old text, from the stored old
 * version); a replay shows the new one. Minimal answers are part of the same document, explained
 * records render the same explanation again, and documents stored whole by an earlier release stay
 * readable as they are.
 */
@QuarkusTest
@TestProfile(ReloadProfile.class)
class StoredVersionsRenderTest {
    static final String CHAT = "{\"name\": \"chat\", \"workloads\": [\"realtime-messaging\"], "
            + "\"expectedConcurrentConnections\": 20000, \"latencyTargetMs\": 35.5}";
    static final String RT02 = "\"statement\": \"Node.js handles chat and messaging well\"";

    @Inject
    Database database;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void startFromTheRealRules() {
        RulesCopy.reset(ReloadProfile.RULES);
        RulesetReloadTest.reload().then().statusCode(200);
    }

    static ExtractableResponse<Response> post(String body, String query, String prefer) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (prefer != null) request = request.header("Prefer", prefer);
        return request.when().post("/api/v1/evaluations" + query).then().statusCode(201).extract();
    }

    static byte[] get(String id) {
        return given().when().get("/api/v1/evaluations/" + id).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void aReadGivesTheBytesOfTheAnswerWithTheirDigest() throws Exception {
        var posted = post(CHAT, "", null);
        byte[] answered = posted.asByteArray();
        String id = posted.path("id");
        var read = given().when().get("/api/v1/evaluations/" + id).then().statusCode(200).extract();
        assertArrayEquals(answered, read.asByteArray());
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(answered)) + ":",
                read.header("Repr-Digest"));
        assertTrue(new String(answered).contains("\"latencyTargetMs\":35.5"), "a decimal comes back as sent");
    }

    @Test
    void anOldRecordKeepsItsTextsAfterAReloadAndAReplayShowsTheNewOnes() throws Exception {
        var posted = post(CHAT, "", null);
        String id = posted.path("id");
        String oldVersion = posted.path("rulesetVersion");
        byte[] answered = posted.asByteArray();
        assertTrue(new String(answered).contains("Node.js handles chat and messaging well"));

        RulesCopy.edit(ReloadProfile.RULES, "catalogue/claims.json", RT02, "\"statement\": \"Node.js is made for chat and messaging\"");
        String newVersion = RulesetReloadTest.reload().then().statusCode(200).extract().path("liveVersion");
        assertNotEquals(oldVersion, newVersion);

        assertArrayEquals(answered, get(id), "the record renders on the version that decided it");
        given().when().post("/api/v1/evaluations/" + id + "/replay").then().statusCode(200)
                .body("recorded.rulesetVersion", equalTo(oldVersion)).body("replayed.rulesetVersion", equalTo(newVersion));
        String fresh = new String(post(CHAT, "", null).asByteArray());
        assertTrue(fresh.contains("Node.js is made for chat and messaging"), fresh);
        assertFalse(new String(get(id)).contains("made for chat"));
    }

    @Test
    void aMinimalAnswerIsPartOfTheSameDocument() throws Exception {
        var minimal = given().contentType(ContentType.JSON).body(CHAT).header("Prefer", "return=minimal")
                .when().post("/api/v1/evaluations").then().statusCode(201)
                .header("Preference-Applied", "return=minimal").extract();
        JsonNode small = json.readTree(minimal.asByteArray());
        assertEquals(List.of("id", "evaluatedAt", "rulesetVersion", "verdict", "confidence", "scores", "summary"),
                iterable(small.fieldNames()));
        assertTrue(minimal.header("Location").endsWith("/api/v1/evaluations/" + small.get("id").asText()));
        JsonNode full = json.readTree(get(small.get("id").asText()));
        small.fieldNames().forEachRemaining(field -> assertEquals(full.get(field), small.get(field), field));
        assertTrue(full.has("trace") && full.get("trace").size() > 0);
    }

    @Test
    void anExplainedRecordRendersTheSameExplanationAgain() {
        var posted = post(CHAT, "?explain=true", null);
        byte[] answered = posted.asByteArray();
        assertTrue(new String(answered).contains("\"explanation\""));
        assertArrayEquals(answered, get(posted.path("id")));
        RulesCopy.edit(ReloadProfile.RULES, "catalogue/claims.json", RT02, "\"statement\": \"Node.js is made for chat and messaging\"");
        RulesetReloadTest.reload().then().statusCode(200);
        assertArrayEquals(answered, get(posted.path("id")), "explained on the record's version, not the live one");
    }

    @Test
    void aDocumentStoredWholeByAnEarlierReleaseIsServedAsItIs() throws Exception {
        // A document of the shape earlier releases stored whole, under a version no store holds.
        var posted = post(CHAT, "", null);
        UUID id = UUID.randomUUID();
        String document = new String(posted.asByteArray()).replace((String) posted.path("id"), id.toString())
                .replace((String) posted.path("rulesetVersion"), "sha256:" + "a".repeat(64));
        try (Connection c = database.dataSource().getConnection(); PreparedStatement number = c.prepareStatement(
                "INSERT INTO evaluation_version (version) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM evaluation_version WHERE version = ?)");
             PreparedStatement insert = c.prepareStatement(
                "INSERT INTO evaluation (id, evaluated_at, version_id, verdict, confidence, profile_name, document) "
                        + "VALUES (?, ?, (SELECT id FROM evaluation_version WHERE version = ?), 'NODEJS', 'high', 'legacy', ?)")) {
            number.setString(1, "sha256:" + "a".repeat(64));
            number.setString(2, "sha256:" + "a".repeat(64));
            number.executeUpdate();
            insert.setObject(1, id);
            insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-01T00:00:00Z")));
            insert.setString(3, "sha256:" + "a".repeat(64));
            insert.setString(4, document);
            insert.executeUpdate();
        }
        assertEquals(document, new String(get(id.toString())));
        String verdict = posted.path("verdict");
        given().when().post("/api/v1/evaluations/" + id + "/replay").then().statusCode(200)
                .body("recorded.verdict", equalTo(verdict)).body("replayed.verdict", equalTo(verdict))
                .body("claimsNowFiring.size()", equalTo(0)).body("claimsNoLongerFiring.size()", equalTo(0));
        given().when().get("/ui/evaluations/" + id).then().statusCode(200);
        given().when().get("/api/v1/evaluations/" + id + "/explanation").then().statusCode(200);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
