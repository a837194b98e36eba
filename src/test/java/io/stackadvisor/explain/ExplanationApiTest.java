package io.stackadvisor.explain;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExplanationApiTest {
    @Inject
    ObjectMapper json;

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

    /** A client applies a suggested edit as it comes (typed as the profile types the field) and gets an answer. */
    @Test
    void everySuggestedEditAppliedAsItComesIsAValidProfile() throws Exception {
        List<Path> scenarios;
        try (Stream<Path> files = Files.walk(Path.of("rules/scenarios"))) {
            scenarios = files.filter(f -> f.toString().endsWith(".json")).sorted().limit(30).toList();
        }
        List<String> refused = new ArrayList<>();
        int applied = 0;
        for (Path scenario : scenarios) {
            JsonNode profile = json.readTree(scenario.toFile()).get("profile");
            JsonNode explanation = json.readTree(given().contentType(ContentType.JSON).body(json.writeValueAsString(profile))
                    .when().post("/api/v1/evaluations?explain=true").then().statusCode(201).extract().asString()).get("explanation");
            for (JsonNode alternatives : explanation.get("toReach")) {
                for (JsonNode alternative : alternatives) {
                    ObjectNode edited = profile.deepCopy();
                    for (JsonNode change : alternative.get("changes")) apply(edited, change.get("field").asText(), change.get("to"));
                    int status = given().contentType(ContentType.JSON).body(json.writeValueAsString(edited))
                            .when().post("/api/v1/evaluations").then().extract().statusCode();
                    applied++;
                    if (status != 201) refused.add(scenario.getFileName() + ": " + alternative.get("changes"));
                }
            }
        }
        assertEquals(List.of(), refused);
        org.junit.jupiter.api.Assertions.assertTrue(applied > scenarios.size(), "the explanations suggested edits");
    }

    private static void apply(ObjectNode profile, String field, JsonNode to) {
        String[] parts = field.split("\\.");
        ObjectNode parent = profile;
        if (parts.length == 2) parent = profile.has(parts[0]) ? (ObjectNode) profile.get(parts[0]) : profile.putObject(parts[0]);
        String leaf = parts[parts.length - 1];
        if (to == null) parent.remove(leaf);
        else parent.set(leaf, to);
        if (parts.length == 2 && parent.isEmpty()) profile.remove(parts[0]);
    }
}
