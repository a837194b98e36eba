package io.stackadvisor.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stackadvisor.knowledge.ClaimCatalogue;
import io.stackadvisor.testing.RealRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluationResourceTest {
    static final String CHAT_AT_SCALE = """
            {"name": "consumer chat", "workloads": ["realtime-messaging"], "expectedConcurrentConnections": 20000,
             "team": {"javascript": "strong", "python": "basic", "seniority": "mixed"},
             "frontend": {"language": "typescript", "type": "spa"}}""";
    static final String SHOP_WITH_RECOMMENDATIONS = """
            {"workloads": ["rest-api", "recommendations", "ml-inference", "cms-enterprise"], "domain": "ecommerce",
             "architectureStyle": "microservices", "expectedConcurrentConnections": 8000,
             "frontend": {"language": "typescript", "type": "ssr"}}""";

    static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluations");
    }

    @Test
    void evaluatesRecordsAndReturnsTheTrace() throws IOException {
        Response created = post(CHAT_AT_SCALE);
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/evaluations/"))
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("rulesetVersion", startsWith("sha256:"))
                .body("verdict", equalTo("NODEJS"))
                .body("confidence", equalTo("high"))
                .body("scores.nodejs", greaterThan(10))
                .body("scores.python", equalTo(0))
                .body("architecture", nullValue())
                .body("profile.name", equalTo("consumer chat"))
                .body("summary", startsWith("Node.js (high confidence)"))
                .body("trace.claim", hasItems("RT-01", "RT-02", "CC-01", "CC-03", "TEAM-01", "FW-01"))
                .body("advice.claim", hasItems("FW-01"));

        Map<String, Object> rt01 = created.jsonPath().getMap("trace.find { it.claim == 'RT-01' }");
        assertEquals("RT-01 real-time workloads favour Node.js", rt01.get("rule"));
        assertEquals("evidence", rt01.get("phase"));
        assertEquals("Node.js is well suited to real-time apps", rt01.get("statement"));
        assertEquals(Map.of("side", "NODEJS", "weight", 3, "anchor", true), rt01.get("effect"));
        assertEquals(Map.of("workloads", List.of("realtime-messaging")), rt01.get("matched"));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> sources = (List<Map<String, String>>) rt01.get("sources");
        assertEquals("000_6b655d6ceb8fa5c0.txt", sources.get(0).get("document"));
        assertEquals("Real-time apps (chat, gaming, live feeds)", sources.get(0).get("quote"));
        assertEquals(catalogueSources("RT-01"), sources, "the trace quotes every source of the claim, in catalogue order");
        Map<String, Object> cc03 = created.jsonPath().getMap("trace.find { it.claim == 'CC-03' }");
        assertEquals(Map.of("expectedConcurrentConnections", 20000), cc03.get("matched"));
    }

    @Test
    void theRecordReadsBackExactlyAsReturned() {
        Response created = post(SHOP_WITH_RECOMMENDATIONS);
        created.then().statusCode(201).body("verdict", equalTo("HYBRID"));
        String location = created.header("Location");
        String again = given().when().get(location).then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        assertEquals(created.asString(), again);
    }

    @Test
    void aHybridVerdictDescribesTheArchitecture() {
        post(SHOP_WITH_RECOMMENDATIONS).then().statusCode(201)
                .body("architecture.components.role", equalTo(List.of("api-gateway", "ml-services")))
                .body("architecture.components.runtime", equalTo(List.of("NODEJS", "PYTHON")))
                .body("architecture.components[0].frameworks", hasItems("Express.js", "NestJS", "Fastify"))
                .body("architecture.components[1].frameworks", hasItems("FastAPI", "Django", "Flask"))
                .body("architecture.components[1].responsibilities", hasItems("self-hosted model inference (ML-07)".replace(" (ML-07)", "")))
                .body("architecture.communication", hasItems("REST", "gRPC", "message broker (e.g. RabbitMQ)"))
                .body("trace.claim", hasItems("HYB-01", "HYB-02", "HYB-03", "HYB-04", "ML-05", "MS-03"))
                .body("trace.phase", hasItems("evidence", "scoring", "totals", "hybrid", "advice", "confidence"));
    }

    @Test
    void anEmptyProfileIsUndeterminedNotDefaulted() {
        post("{}").then().statusCode(201)
                .body("verdict", equalTo("UNDETERMINED"))
                .body("confidence", equalTo("none"))
                .body("scores.nodejs", equalTo(0))
                .body("trace.claim", hasItems("GEN-01", "GEN-02"))
                .body("summary", containsString("workloads"));
    }

    @Test
    void theSameProfileGivesTheSameVerdictScoresAndTraceOrder() {
        Response one = post(SHOP_WITH_RECOMMENDATIONS);
        Response two = post(SHOP_WITH_RECOMMENDATIONS);
        for (String path : List.of("verdict", "confidence", "scores", "summary", "architecture", "flags", "advice", "trace", "rulesetVersion")) {
            assertEquals(one.jsonPath().get(path).toString(), two.jsonPath().get(path).toString(), path);
        }
        assertEquals(false, one.jsonPath().getString("id").equals(two.jsonPath().getString("id")));
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        given().when().get("/api/v1/evaluations/00000000-0000-4000-8000-000000000000").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().get("/api/v1/evaluations/not-a-uuid").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("path.id"))
                .body("type", equalTo("https://stack-advisor.io/problems/invalid-parameter"));
    }

    @Test
    void booleanParametersAcceptOnlyTrueOrFalse() {
        given().contentType("application/json").body(CHAT_AT_SCALE).queryParam("explain", "maybe").when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://stack-advisor.io/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("query.explain"));
        given().queryParam("neverFired", "yes").when().get("/api/v1/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("query.neverFired"));
        given().queryParam("phase", "guessing").when().get("/api/v1/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("query.phase"));
        given().queryParam("kind", "rumour").when().get("/api/v1/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("query.kind"));
        given().queryParam("neverFired", "false").queryParam("phase", "evidence").when().get("/api/v1/rules").then().statusCode(200);
    }

    @Test
    void traceStepsAreNumberedInFiringOrder() {
        List<Integer> steps = post(CHAT_AT_SCALE).jsonPath().getList("trace.step");
        for (int i = 0; i < steps.size(); i++) assertEquals(i + 1, steps.get(i));
        post(CHAT_AT_SCALE).then().body("trace.phase", everyItem(org.hamcrest.Matchers.oneOf(
                "evidence", "adjustment", "scoring", "totals", "hybrid", "verdict", "advice", "flags", "confidence")));
    }

    /** A claim's sources as written in the catalogue file the service reads. */
    static List<Map<String, String>> catalogueSources(String claimId) throws IOException {
        for (JsonNode claim : RealRules.JSON.readTree(RealRules.DIR.resolve(ClaimCatalogue.CLAIMS_FILE).toFile()).get("claims")) {
            if (claim.get("id").asText().equals(claimId)) {
                List<Map<String, String>> sources = new ArrayList<>();
                for (JsonNode source : claim.get("sources")) {
                    sources.add(Map.of("document", source.get("document").asText(), "quote", source.get("quote").asText()));
                }
                return sources;
            }
        }
        throw new IllegalStateException(claimId + " is not in " + ClaimCatalogue.CLAIMS_FILE);
    }
}
