package io.stackadvisor.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
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
    void theClaimCatalogueIsServed() {
        given().when().get("/api/v1/claims/RT-01").then().statusCode(200)
                .body("statement", equalTo("Node.js for real-time apps"))
                .body("sources[0].quote", equalTo("Real-time apps (chat, gaming, live feeds)"));
        given().queryParam("kind", "rule").when().get("/api/v1/claims").then().statusCode(200).body("size()", equalTo(83));
        given().when().get("/api/v1/claims/XX-99").then().statusCode(404).contentType("application/problem+json");
    }
}
