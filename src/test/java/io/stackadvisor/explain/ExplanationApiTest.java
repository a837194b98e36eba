package io.stackadvisor.explain;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExplanationApiTest {

    @Test
    void anEvaluationCanBeExplainedOnRequest() {
        String id = given().contentType(ContentType.JSON).body(ExplanationTest.SMALL_CHAT).when().post("/api/v1/evaluations")
                .then().statusCode(201).body("explanation", equalTo(null)).extract().path("id");
        given().when().get("/api/v1/evaluations/" + id + "/explanation").then().statusCode(200)
                .body("verdict", equalTo("PYTHON"))
                .body("whyNot.find { it.claim == 'CC-01' }.needs", equalTo("expected concurrent connections ≥ 1000"))
                .body("whyNot.find { it.claim == 'CC-01' }.given", equalTo("expected concurrent connections is 300"))
                .body("toReach.NODEJS.changes.flatten().words", hasItem("set latency target (ms) to 50"))
                .body("toReach.NODEJS.changes.flatten().find { it.field == 'latencyTargetMs' }.to", equalTo(50))
                .body("toReach.HYBRID[0].changes.size()", equalTo(2))
                .body("cost.variationsEvaluated", greaterThan(100));
        given().when().get("/api/v1/evaluations/00000000-0000-4000-8000-000000000000/explanation").then().statusCode(404);
        given().when().get("/api/v1/evaluations/x/explanation").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void explainTrueAddsTheRobustnessToTheSummaryAndKeepsItInTheRecord() {
        Response created = given().contentType(ContentType.JSON).body(ExplanationTest.SMALL_CHAT)
                .when().post("/api/v1/evaluations?explain=true");
        created.then().statusCode(201)
                .body("summary", containsString("Stays PYTHON unless you "))
                .body("explanation.sensitivity", startsWith("Stays PYTHON unless you "))
                .body("explanation.askFirst.field", hasItem("domain"));
        String again = given().when().get(created.header("Location")).then().statusCode(200).extract().asString();
        assertEquals(created.asString(), again);
    }
}
