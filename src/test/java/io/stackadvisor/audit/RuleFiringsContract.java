package io.stackadvisor.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stackadvisor.db.Database;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/rules counts firings from the shared audit database over a window of days, run once
 * per database (H2 and PostgreSQL): what is posted is counted exactly, old days fall out of the
 * window, and rows another instance wrote are counted like this instance's own.
 */
abstract class RuleFiringsContract {
    static final String REALTIME = "{\"name\": \"firings-%s\", \"workloads\": [\"realtime-messaging\"], "
            + "\"expectedConcurrentConnections\": 20000}";

    @Inject
    Database database;

    static JsonPath rt01(int days) {
        return given().queryParam("claim", "RT-01").queryParam("days", days).when().get("/api/v1/rules").then()
                .statusCode(200).body("size()", equalTo(1)).extract().jsonPath();
    }

    static long fired(int days) {
        return rt01(days).getLong("[0].fired");
    }

    @Test
    void postedEvaluationsAreCountedExactly() {
        long before = fired(1);
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(String.format(REALTIME, UUID.randomUUID())).when()
                    .post("/api/v1/evaluations").then().statusCode(201);
        }
        JsonPath after = rt01(1);
        assertEquals(before + 3, after.getLong("[0].fired"), "RT-01 fires once per real-time profile");
        assertNotNull(after.getString("[0].lastFired"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), after.getString("[0].firedSince"), "days=1 is today");
        assertEquals(LocalDate.now(ZoneOffset.UTC).minusDays(29).toString(),
                given().when().get("/api/v1/rules").then().statusCode(200).extract().path("[0].firedSince"),
                "the default window is 30 days");
    }

    @Test
    void oldDaysFallOutOfTheWindow() throws Exception {
        String rule = rt01(1).getString("[0].name");
        String version = "sha256:old-day-" + UUID.randomUUID();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        long in30 = fired(30), in50 = fired(50);
        insert(day, version, rule, 1000, day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600));
        try {
            assertEquals(in30, fired(30), "a day 40 days ago is outside a 30-day window");
            assertEquals(in50 + 1000, fired(50), "and inside a 50-day one");
            assertEquals(in50 + 1000, fired(41), "the window's first day counts");
            assertEquals(in30, fired(40), "the day before the window's first does not");
        } finally {
            delete(version);
        }
    }

    @Test
    void firingsAnotherInstanceRecordedAreCountedToo() throws Exception {
        String rule = rt01(1).getString("[0].name");
        String version = "sha256:other-instance-" + UUID.randomUUID();
        Instant later = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        long before = fired(1);
        insert(LocalDate.now(ZoneOffset.UTC), version, rule, 5, later);
        try {
            JsonPath after = rt01(1);
            assertEquals(before + 5, after.getLong("[0].fired"), "summed over versions and instances, from the database");
            assertEquals(later, Instant.parse(after.getString("[0].lastFired")), "the latest firing of any instance");
        } finally {
            delete(version);
        }
    }

    @Test
    void theWindowIsOneToTenYearsOfDays() {
        for (String days : new String[] {"0", "3651", "-1", "week", "1.5"}) {
            given().queryParam("days", days).when().get("/api/v1/rules").then().statusCode(400)
                    .body("errors[0].field", equalTo("query.days"));
        }
        given().queryParam("days", 3650).when().get("/api/v1/rules").then().statusCode(200);
        given().queryParam("days", "7").when().get("/ui/rules").then().statusCode(200);
        given().queryParam("days", "0").when().get("/ui/rules").then().statusCode(400);
    }

    @Test
    void theDashboardCountsOnThisDatabase() {
        given().contentType(ContentType.JSON).body(String.format(REALTIME, UUID.randomUUID())).when()
                .post("/api/v1/evaluations").then().statusCode(201);
        String page = given().when().get("/ui/dashboard").then().statusCode(200).extract().asString();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        org.junit.jupiter.api.Assertions.assertTrue(page.matches("(?s).*<th scope=\"row\">" + today + "</th>.*"),
                "today's answers are counted by UTC day");
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("version stored "), "versions by the day they were stored");
    }

    private void insert(LocalDate day, String version, String rule, long fired, Instant last) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO rule_firing_daily (fired_on, ruleset_version, rule, "
                     + "fired, last_fired) VALUES (?, ?, ?, ?, ?)")) {
            s.setObject(1, day);
            s.setString(2, version);
            s.setString(3, rule);
            s.setLong(4, fired);
            s.setTimestamp(5, Timestamp.from(last));
            s.executeUpdate();
        }
    }

    private void delete(String version) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM rule_firing_daily WHERE ruleset_version = ?")) {
            s.setString(1, version);
            s.executeUpdate();
        }
    }
}
