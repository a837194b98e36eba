package io.stackadvisor.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stackadvisor.testing.RealRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/v1/evaluations/batch: each profile as by a single POST, recorded before the answer. */
@QuarkusTest
class BatchEvaluationResourceTest {
    static final String BATCH = "/api/v1/evaluations/batch";

    @TestHTTPResource("/")
    URL root;

    static Response postBatch(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).when().post(BATCH);
    }

    /** Every scenario's profile in rules/scenarios, in path order. */
    static List<JsonNode> scenarioProfiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RealRules.DIR.resolve("scenarios"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<JsonNode> profiles = new ArrayList<>();
        for (Path file : files) profiles.add(RealRules.JSON.readTree(file.toFile()).get("profile"));
        return profiles;
    }

    @Test
    void eachProfileIsEvaluatedInOrderAsASinglePostWouldAndEveryRecordReadsBack() throws Exception {
        List<JsonNode> profiles = scenarioProfiles();
        assertTrue(profiles.size() > 20, "the scenarios give a mixed batch: " + profiles.size());
        Response batch = postBatch(RealRules.JSON.writeValueAsString(profiles));
        batch.then().statusCode(200).contentType(ContentType.JSON)
                .body("accepted", equalTo(profiles.size())).body("rejected", equalTo(0));
        JsonNode items = RealRules.JSON.readTree(batch.asString()).get("items");
        assertEquals(profiles.size(), items.size());
        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            JsonNode item = items.get(i);
            assertEquals(i, item.get("index").asInt());
            assertEquals(201, item.get("status").asInt());
            assertFalse(item.has("problem"), "an accepted item has no problem");
            String id = item.get("id").asText();
            assertEquals(root.toString() + "api/v1/evaluations/" + id, item.get("location").asText(), "absolute location");
            verdicts.add(item.get("verdict").asText());

            JsonNode single = RealRules.JSON.readTree(EvaluationResourceTest.post(profiles.get(i).toString())
                    .then().statusCode(201).extract().asString());
            for (String field : List.of("verdict", "confidence", "scores", "rulesetVersion")) {
                assertEquals(single.get(field), item.get(field), "item " + i + ": " + field + " as a single POST gives it");
            }

            // The record is committed, and GET gives the document whose digest was stored with it, which is the
            // document a single POST of the same profile gives (but for id and time).
            Response read = given().when().get(item.get("location").asText());
            read.then().statusCode(200).contentType(ContentType.JSON);
            byte[] document = read.asByteArray();
            assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(document))
                    + ":", read.header("Repr-Digest"), "the stored digest is the digest of the document served");
            ObjectNode stored = (ObjectNode) RealRules.JSON.readTree(document);
            assertEquals(id, stored.get("id").asText());
            assertEquals(item.get("verdict"), stored.get("verdict"));
            assertEquals(withoutIdAndTime((ObjectNode) single), withoutIdAndTime(stored), "item " + i);
        }
        assertTrue(verdicts.containsAll(List.of("NODEJS", "PYTHON", "HYBRID", "UNDETERMINED")), "mixed verdicts: " + verdicts);
    }

    private static ObjectNode withoutIdAndTime(ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("id");
        copy.remove("evaluatedAt");
        return copy;
    }

    @Test
    void anInvalidProfileIsRejectedAloneWithItsProblemAndTheOthersAreRecorded() {
        String body = "[" + EvaluationResourceTest.CHAT_AT_SCALE + ", {\"concurrentConnections\": 5},"
                + EvaluationResourceTest.SHOP_WITH_RECOMMENDATIONS + ", 42, {\"domain\": \"saas\", \"domain\": \"gaming\"},"
                + " {\"team\": {\"python\": \"expert\"}, \"latencyTargetMs\": -5}]";
        Response batch = postBatch(body);
        batch.then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(4))
                .body("items.index", equalTo(List.of(0, 1, 2, 3, 4, 5)))
                .body("items.status", equalTo(List.of(201, 400, 201, 400, 400, 400)))
                .body("items[0].verdict", equalTo("NODEJS"))
                .body("items[2].verdict", equalTo("HYBRID"))
                .body("items[1].id", nullValue()).body("items[1].location", nullValue()).body("items[1].verdict", nullValue())
                .body("items[1].problem.status", equalTo(400))
                .body("items[1].problem.type", containsString("invalid-profile"))
                .body("items[1].problem.title", equalTo("The profile does not match the schema"))
                .body("items[1].problem.detail", containsString("1 problem(s)"))
                .body("items[1].problem.errors.field", equalTo(List.of("/concurrentConnections")))
                .body("items[1].problem.errors[0].message", containsString("unknown field"))
                .body("items[3].problem.errors.field", equalTo(List.of("")))
                .body("items[3].problem.errors[0].message", containsString("object"))
                .body("items[4].problem.errors.field", equalTo(List.of("/domain")))
                .body("items[4].problem.errors[0].message", containsString("Duplicate field"))
                .body("items[5].problem.errors.field", equalTo(List.of("/latencyTargetMs", "/team/python")));
        for (int i : new int[] {0, 2}) {
            given().when().get(batch.jsonPath().getString("items[" + i + "].location")).then().statusCode(200)
                    .body("verdict", equalTo(batch.jsonPath().getString("items[" + i + "].verdict")));
        }
    }

    static Stream<Arguments> notABatch() {
        return Stream.of(
                Arguments.of("an object", "{\"workloads\": [\"rest-api\"]}", "", "JSON array"),
                Arguments.of("a string", "\"rest-api\"", "", "JSON array"),
                Arguments.of("an empty array", "[]", "", "at least one profile"),
                Arguments.of("whitespace", "  ", "", "JSON array"),
                Arguments.of("not JSON", "profiles, please", "", "Unrecognized token"),
                Arguments.of("a truncated array", "[{}, {\"workloads\": [\"rest-api\"", "/1/workloads/0", "end-of-input"),
                Arguments.of("trailing garbage", "[{}] {}", "", "Trailing token"),
                Arguments.of("1,001 profiles", "[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]",
                        "/1000", "at most 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notABatch")
    void aBodyThatIsNotABatchOfProfilesIs400NamingThePlace(String label, String body, String field, String hint) {
        postBatch(body).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", containsString("invalid-profile"))
                .body("errors.field", equalTo(List.of(field)))
                .body("errors.message", hasItem(containsString(hint)))
                .body("items", nullValue());
    }

    @Test
    void anEmptyBodyIs400AndAWrongContentTypeIs415() {
        given().contentType(ContentType.JSON).body(new byte[0]).when().post(BATCH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(""));
        given().contentType(ContentType.TEXT).body("[{}]").when().post(BATCH)
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void aThousandProfilesOverTheSingleLimitAreOneBatch() {
        String item = "{\"name\": \"" + "b".repeat(100) + "\"}";
        String body = "[" + String.join(",", java.util.Collections.nCopies(1000, item)) + "]";
        assertTrue(body.length() > 64 * 1024, "larger than a single evaluation may be");
        postBatch(body).then().statusCode(200).body("accepted", equalTo(1000)).body("rejected", equalTo(0))
                .body("items[999].index", equalTo(999)).body("items[999].verdict", equalTo("UNDETERMINED"));
    }

    @Test
    void aBodyOverTheBatchLimitIs413AndTheSingleEvaluationKeeps64Kb() throws IOException {
        String over = rawPost(BATCH, 16L * 1024 * 1024 + 1);
        assertTrue(over.startsWith("HTTP/1.1 413"), over);
        assertTrue(over.toLowerCase().contains("content-type: application/problem+json"), over);
        assertTrue(over.contains("\"status\":413") && over.contains("16384 KB"), over);

        String single = rawPost("/api/v1/evaluations", 64 * 1024 + 1);
        assertTrue(single.startsWith("HTTP/1.1 413"), single);
        assertTrue(single.contains("\"status\":413") && single.contains("(64 KB)"), single);

        String big = "{\"name\": \"" + "x".repeat(70_000) + "\"}";
        given().contentType(ContentType.JSON).body(big).when().post("/api/v1/evaluations")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("64 KB"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aBodyWithoutContentLengthHasTheLimitOfItsPath() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
        String big = "{\"name\": \"" + "x".repeat(70_000) + "\"}";
        assertEquals(413, chunked(client, "api/v1/evaluations", big).statusCode(), "64 KB for a single evaluation");
        // 1,001 profiles of 115 KB: read whole (the batch's limit is 16 MB), then refused for their number.
        String profiles = "[" + String.join(",", java.util.Collections.nCopies(1001, "{\"name\": \"" + "x".repeat(100) + "\"}")) + "]";
        HttpResponse<String> batch = chunked(client, "api/v1/evaluations/batch", profiles);
        assertEquals(400, batch.statusCode(), batch.body());
        assertTrue(batch.body().contains("\"/1000\""), batch.body());
    }

    private HttpResponse<String> chunked(HttpClient client, String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(root.toURI().resolve(path)).timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Announces a body of {@code length} bytes and sends none: the answer must come from the length alone. */
    private String rawPost(String path, long length) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The answer's head, then its body by Content-Length: the connection may stay open, waiting for the body.
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) break;
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            java.util.regex.Matcher answered = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
            byte[] body = answered.find() ? in.readNBytes(Integer.parseInt(answered.group(1))) : new byte[0];
            return headers + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOpenApiDescribesTheBatchOperation() {
        String op = "paths.'/api/v1/evaluations/batch'.post.";
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(op + "operationId", equalTo("evaluateBatch"))
                .body(op + "tags", equalTo(List.of("Evaluations")))
                .body(op + "requestBody.content.'application/json'.schema.type", equalTo("array"))
                .body(op + "requestBody.content.'application/json'.schema.items.$ref", equalTo("#/components/schemas/ProjectProfile"))
                .body(op + "responses.'200'.content.'application/json'.schema.$ref", containsString("EvaluationBatchResult"))
                .body("components.schemas.EvaluationBatchItem.properties.verdict.$ref", equalTo("#/components/schemas/Verdict"))
                .body("components.schemas.EvaluationBatchItem.properties.confidence.$ref", equalTo("#/components/schemas/Confidence"))
                .body("components.schemas.EvaluationBatchItem.properties.problem.allOf.$ref",
                        hasItem("#/components/schemas/Problem"))
                .body(op + "responses.'400'.content.'application/problem+json'.schema.$ref", containsString("Problem"))
                .body(op + "responses.'413'.content.'application/problem+json'.schema.$ref", containsString("Problem"))
                .body(op + "responses.'415'.content.'application/problem+json'.schema.$ref", containsString("Problem"))
                .body(op + "responses.'503'.content.'application/problem+json'.schema.$ref", containsString("Problem"));
    }
}
