package io.stackadvisor.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.stackadvisor.knowledge.ClaimCatalogue;
import io.stackadvisor.testing.RealRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health, the OpenAPI description and the claim catalogue API. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessReflectsTheRulesetAndTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("ruleset", "Database connections health check"))
                .body("checks.find { it.name == 'ruleset' }.data.version", startsWith("sha256:"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theOpenApiDescribesTheProfileSchemaAndTheEndpoints() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ProjectProfile.properties.workloads.items.enum", hasItem("realtime-messaging"))
                .body("components.schemas.ProjectProfile.additionalProperties", equalTo(false))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/evaluations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/ruleset/reload"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void metricsCountEvaluationsByVerdictRuleFiringsAndReloads() {
        given().contentType("application/json").body(EvaluationResourceTest.CHAT_AT_SCALE).when().post("/api/v1/evaluations")
                .then().statusCode(201);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("stack_advisor_evaluations_total{verdict=\"NODEJS\"}"))
                .body(containsString("stack_advisor_rule_firings_total{claim=\"RT-01\",phase=\"evidence\",rule=\"RT-01 real-time workloads favour Node.js\"}"))
                .body(containsString("stack_advisor_evaluation_seconds_count"))
                .body(containsString("stack_advisor_ruleset_reloads_total{result=\"APPLIED\",trigger=\"startup\"}"));
    }

    @Test
    void everyAnswerCarriesARequestId() {
        given().header("X-Request-Id", "trace-me-42").when().get("/api/v1/ruleset").then()
                .header("X-Request-Id", equalTo("trace-me-42"));
        given().when().get("/api/v1/ruleset").then().header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "bad id with spaces").contentType("application/json").body("{\"x\": 1}")
                .when().post("/api/v1/evaluations").then().statusCode(400)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void theClaimCatalogueIsServed() throws Exception {
        given().when().get("/api/v1/claims/RT-01").then().statusCode(200)
                .body("statement", equalTo("Node.js is well suited to real-time apps"))
                .body("sources[0].quote", equalTo("Real-time apps (chat, gaming, live feeds)"));
        // One row per claim of kind rule in the catalogue file the service reads, whatever their number.
        List<String> ruleClaims = new ArrayList<>();
        for (JsonNode claim : RealRules.JSON.readTree(RealRules.DIR.resolve(ClaimCatalogue.CLAIMS_FILE).toFile()).get("claims")) {
            if (claim.get("kind").asText().equals("rule")) ruleClaims.add(claim.get("id").asText());
        }
        assertFalse(ruleClaims.isEmpty());
        List<String> served = given().queryParam("kind", "rule").when().get("/api/v1/claims").then().statusCode(200)
                .body("kind", everyItem(equalTo("rule"))).extract().jsonPath().getList("id", String.class);
        assertEquals(ruleClaims.stream().sorted().toList(), served, "every rule claim, once, by id");
        given().when().get("/api/v1/claims/XX-99").then().statusCode(404).contentType("application/problem+json");
    }
}
