package io.stackadvisor.audit;

import io.stackadvisor.db.Database;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit log's behaviour, run once per database (H2 and PostgreSQL). */
abstract class AuditLogContract {
    static final String HYBRID = "{\"name\": \"%s\", \"workloads\": [\"realtime-messaging\", \"image-video-processing\"], "
            + "\"expectedConcurrentConnections\": 20000}";
    static final String PYTHON = "{\"name\": \"%s\", \"workloads\": [\"ml-training\"]}";

    @Inject
    Database database;

    abstract String expectedDatabaseProduct();

    static String post(String template, String name) {
        return given().contentType(ContentType.JSON).body(String.format(template, name))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().path("id");
    }

    @Test
    void recordsLandInTheConfiguredDatabase() throws Exception {
        String name = "db-check-" + UUID.randomUUID();
        String id = post(PYTHON, name);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT profile_name, verdict FROM evaluation WHERE id = ?")) {
            assertTrue(c.getMetaData().getDatabaseProductName().contains(expectedDatabaseProduct()),
                    c.getMetaData().getDatabaseProductName());
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(name, r.getString(1));
                assertEquals("PYTHON", r.getString(2));
            }
        }
        given().when().get("/api/v1/evaluations/" + id).then().statusCode(200).body("profile.name", equalTo(name));
    }

    @Test
    void searchesByNameVerdictClaimVersionAndTime() {
        String name = "search-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        String hybrid = post(HYBRID, name);
        String python = post(PYTHON, name);
        String version = given().when().get("/api/v1/ruleset").then().extract().path("version");
        given().queryParam("name", name).when().get("/api/v1/evaluations").then().statusCode(200)
                .body("items.id", equalTo(List.of(python, hybrid)))
                .body("next", equalTo(null));
        given().queryParam("name", name).queryParam("verdict", "HYBRID").when().get("/api/v1/evaluations").then()
                .body("items.id", equalTo(List.of(hybrid)));
        given().queryParam("name", name).queryParam("claim", "CPU-02").when().get("/api/v1/evaluations").then()
                .body("items.id", equalTo(List.of(hybrid)));
        given().queryParam("claim", "ML-03").queryParam("limit", 500).when().get("/api/v1/evaluations").then()
                .body("items.id", hasItem(python)).body("items.id", not(hasItem(hybrid)));
        given().queryParam("verdict", "HYBRID").queryParam("limit", 20).when().get("/api/v1/evaluations").then()
                .body("items.verdict", everyItem(equalTo("HYBRID")));
        given().queryParam("name", name).queryParam("rulesetVersion", version).when().get("/api/v1/evaluations").then()
                .body("items.size()", equalTo(2));
        given().queryParam("name", name).queryParam("from", before.toString()).queryParam("to", Instant.now().plusSeconds(5).toString())
                .when().get("/api/v1/evaluations").then().body("items.size()", equalTo(2));
        given().queryParam("name", name).queryParam("to", before.toString()).when().get("/api/v1/evaluations").then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void pagesAreStableWhileNewEvaluationsArrive() {
        String name = "paging-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) created.add(0, post(PYTHON, name));
        Response first = given().queryParam("name", name).queryParam("limit", 2).when().get("/api/v1/evaluations");
        first.then().body("items.id", equalTo(created.subList(0, 2)));
        String cursor = first.path("next");
        post(PYTHON, name); // arrives between two page reads: it must not shift the next page
        Response second = given().queryParam("name", name).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/evaluations");
        second.then().body("items.id", equalTo(created.subList(2, 4)));
        Response third = given().queryParam("name", name).queryParam("limit", 2).queryParam("cursor", (String) second.path("next"))
                .when().get("/api/v1/evaluations");
        third.then().body("items.id", equalTo(created.subList(4, 5)));
        assertNull(third.path("next"));
    }

    @Test
    void exportsCsvAndJson() {
        String name = "export-" + UUID.randomUUID();
        String a = post(PYTHON, name);
        String b = post(HYBRID, name);
        String csv = given().queryParam("name", name).queryParam("format", "csv").when().get("/api/v1/evaluations/export")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.strip().replace("\"", "").split("\n");
        assertEquals("id,evaluatedAt,name,verdict,confidence,nodeScore,pythonScore,rulesetVersion", lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith(b + ",") && lines[1].contains(",HYBRID,"), lines[1]);
        assertTrue(lines[2].startsWith(a + ",") && lines[2].contains(",PYTHON,"), lines[2]);
        given().queryParam("name", name).queryParam("format", "json").when().get("/api/v1/evaluations/export")
                .then().statusCode(200).body("id", equalTo(List.of(b, a))).body("[0].verdict", equalTo("HYBRID"));
    }

    @Test
    void replaysARecordedEvaluationAgainstTodaysRules() {
        String id = post(HYBRID, "replay-" + UUID.randomUUID());
        given().when().post("/api/v1/evaluations/" + id + "/replay").then().statusCode(200)
                .body("recorded.verdict", equalTo("HYBRID")).body("replayed.verdict", equalTo("HYBRID"))
                .body("verdictChanged", equalTo(false)).body("claimsNowFiring.size()", equalTo(0))
                .body("claimsNoLongerFiring.size()", equalTo(0));
        given().when().post("/api/v1/evaluations/" + UUID.randomUUID() + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badSearchParametersAreProblemsNamingTheParameter() {
        given().queryParam("verdict", "JAVA").when().get("/api/v1/evaluations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("query.verdict"));
        given().queryParam("from", "yesterday").queryParam("limit", 0).when().get("/api/v1/evaluations").then().statusCode(400)
                .body("errors.field", hasItem("query.from")).body("errors.field", hasItem("query.limit"));
        given().queryParam("cursor", "not-a-cursor").when().get("/api/v1/evaluations").then().statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
        given().queryParam("format", "xml").when().get("/api/v1/evaluations/export").then().statusCode(400)
                .body("errors[0].field", equalTo("query.format"));
    }
}
