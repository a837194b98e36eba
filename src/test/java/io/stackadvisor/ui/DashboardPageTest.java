package io.stackadvisor.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The managers' dashboard renders its charts with titles, in plain words, linked from every page. */
@QuarkusTest
class DashboardPageTest {

    @Test
    void theDashboardShowsChartsInPlainWords() {
        for (String body : new String[] {"{\"name\": \"Dash chat\", \"workloads\": [\"realtime-messaging\"]}",
                "{\"name\": \"Dash ML\", \"workloads\": [\"ml-training\"]}"}) {
            given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluations").then().statusCode(201);
        }
        String page = given().when().get("/ui/dashboard").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        for (String id : new String[] {"per-day-chart", "per-version-chart", "most-used-chart", "changes-chart"}) {
            assertTrue(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" id=\"" + id + "\""), id);
            assertTrue(page.contains("<title id=\"" + id + "-title\">"), id + " has a title");
            assertTrue(page.contains("<desc id=\"" + id + "-desc\">"), id + " has a description");
        }
        assertTrue(page.contains("Answers per day, last 30 days"));
        assertTrue(page.contains("version stored "), "versions are named by the day they were stored");
        String top = topClaim();
        String statement = given().when().get("/api/v1/claims/" + top).then().statusCode(200).extract().path("statement");
        String unescaped = page.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
        assertTrue(unescaped.contains(statement), "the reason given most often, as its statement: " + statement);
        assertTrue(page.contains("<summary>The numbers</summary>"), "the numbers as tables too");
        assertTrue(page.contains("<a href=\"/ui/dashboard\" aria-current=\"page\">Dashboard</a>"));
        assertFalse(page.contains("https://"), "no external resources");

        String words = page.substring(page.indexOf("<main")).replaceAll("<[^>]+>", " ");
        assertFalse(words.matches("(?is).*\\b(encod\\w*|salience|sha256|drl)\\b.*"), "no mechanics");
        Matcher m = PlainWordsPagesTest.ENGINEERING.matcher(words);
        assertFalse(m.find(), () -> "engineering words: " + m.group());
    }

    /** The claim whose rules fired most in the last 30 days (ties: the first by id), as the API counts. */
    static String topClaim() {
        java.util.List<java.util.Map<String, Object>> rules = given().when().get("/api/v1/rules?days=30").then().statusCode(200)
                .extract().jsonPath().getList("$");
        java.util.Map<String, Long> byClaim = new java.util.TreeMap<>();
        for (var rule : rules) {
            if (rule.get("claim") != null) {
                byClaim.merge((String) rule.get("claim"), ((Number) rule.get("fired")).longValue(), Long::sum);
            }
        }
        return byClaim.entrySet().stream().max(java.util.Map.Entry.<String, Long>comparingByValue()
                .thenComparing(java.util.Map.Entry.<String, Long>comparingByKey().reversed())).orElseThrow().getKey();
    }

    @Test
    void everyPageLinksTheDashboard() {
        for (String path : new String[] {"/ui/evaluations", "/ui/try", "/ui/rules"}) {
            given().when().get(path).then().statusCode(200).body(containsString("<a href=\"/ui/dashboard\" >Dashboard</a>"));
        }
        assertEquals(200, given().when().get("/ui/rules?days=365").then().extract().statusCode());
    }
}
