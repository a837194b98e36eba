package io.stackadvisor.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Bad input is a 400 problem naming the field, never a 5xx and never silently ignored. */
@QuarkusTest
class ProfileValidationTest {

    static Stream<Arguments> badProfiles() {
        return Stream.of(
                Arguments.of("unknown field", "{\"workload\": [\"rest-api\"]}", "/workload", "accepted fields here: name, workloads"),
                Arguments.of("unknown nested field", "{\"team\": {\"java\": \"strong\"}}", "/team/java", "javascript, python, seniority"),
                Arguments.of("unknown enum value", "{\"workloads\": [\"realtime\"]}", "/workloads/0", "realtime-messaging"),
                Arguments.of("enum in upper case", "{\"domain\": \"GAMING\"}", "/domain", "gaming"),
                Arguments.of("wrong type", "{\"expectedConcurrentConnections\": \"lots\"}", "/expectedConcurrentConnections", "integer"),
                Arguments.of("fractional integer", "{\"timelineWeeks\": 2.5}", "/timelineWeeks", "integer"),
                Arguments.of("negative number", "{\"expectedConcurrentConnections\": -1}", "/expectedConcurrentConnections", "0"),
                Arguments.of("zero latency", "{\"latencyTargetMs\": 0}", "/latencyTargetMs", "exclusive minimum value of 0"),
                Arguments.of("huge number", "{\"memoryBudgetMb\": 1e30}", "/memoryBudgetMb", "1073741824"),
                Arguments.of("duplicate list entry", "{\"workloads\": [\"rest-api\", \"crud-web-app\", \"rest-api\"]}", "/workloads/2", "duplicate"),
                Arguments.of("duplicate key", "{\"domain\": \"saas\", \"domain\": \"gaming\"}", "/domain", "Duplicate field"),
                Arguments.of("wrong type for list", "{\"priorities\": \"performance\"}", "/priorities", "array"),
                Arguments.of("boolean as string", "{\"mobileClients\": \"yes\"}", "/mobileClients", "boolean"),
                Arguments.of("null value", "{\"domain\": null}", "/domain", "leave the field out"),
                Arguments.of("empty name", "{\"name\": \"\"}", "/name", "1"),
                Arguments.of("name too long", "{\"name\": \"" + "x".repeat(201) + "\"}", "/name", "200"),
                Arguments.of("not an object", "[\"rest-api\"]", "", "object"),
                Arguments.of("truncated JSON", "{\"workloads\": [\"rest-api\"", "/workloads/0", "end-of-input"),
                Arguments.of("trailing garbage", "{} {}", "", "Trailing token"),
                Arguments.of("deep nesting", "{\"team\":" + "[".repeat(40) + "]".repeat(40) + "}", "", "nesting depth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProfiles")
    void isAProblemNamingTheField(String label, String body, String field, String hint) {
        given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/evaluations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", containsString("invalid-profile"))
                .body("title", not(equalTo(null)))
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString(hint)))
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")))
                .body(not(containsString("`")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void everyProblemInTheBodyIsListed() {
        given().contentType(ContentType.JSON)
                .body("{\"workloads\": [\"chat\"], \"team\": {\"python\": \"expert\"}, \"latencyTargetMs\": -5}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("/latencyTargetMs", "/team/python", "/workloads/0"));
    }

    @Test
    void anEmptyBodyIsAProblem() {
        given().contentType(ContentType.JSON).body(new byte[0]).when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(""));
    }

    @Test
    void invalidUtf8IsAProblem() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aWrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("{}").when().post("/api/v1/evaluations")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"name\": \"" + "x".repeat(70_000) + "\"}";
        given().contentType(ContentType.JSON).body(big).when().post("/api/v1/evaluations")
                .then().statusCode(413);
    }

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/evaluations")
    java.net.URI evaluations;

    /**
     * Without Content-Length (chunked) the body is cut off while it is read, at its path's limit: 413.
     * (The HTTP layer answers this one itself, without a problem document: the body is never buffered.)
     */
    @Test
    void anOversizedChunkedBodyIs413() throws Exception {
        byte[] big = ("{\"name\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(evaluations).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(413, answer.statusCode(), answer.body());
    }

    @Test
    void anUnknownPathAndMethodAreProblems() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/v1/evaluations").then().statusCode(405).contentType("application/problem+json");
    }
}
