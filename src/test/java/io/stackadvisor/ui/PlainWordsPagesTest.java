package io.stackadvisor.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stackadvisor.scenario.Scenario;
import io.stackadvisor.testing.RealRules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a product manager reads, for every scenario profile of the rules folder: the summary and the
 * evaluation page above the step-by-step trace (which is for auditors and may name mechanics) carry
 * no knowledge-engineering notes, article codes, id lists or id ranges.
 */
@QuarkusTest
class PlainWordsPagesTest {
    static final Pattern ENGINEERING = Pattern.compile("(?i)\\b(encode[sd]?|defeaters?|demot(?:e|ed|es|ion)|anchors?|seeds?"
            + "|famil(?:y|ies))\\b|\\bS[0-4]\\b|\\b[A-Z]{2,5}-\\d{2}\\s*(?:\\.\\.|–|-)\\s*\\d{2}\\b|\\b[A-Z]{2,5}-\\*"
            + "|\\([A-Z]{2,5}-\\d{2}(?:\\s*,\\s*[A-Z]{2,5}-\\d{2})+\\)");

    @Test
    void summariesAndPagesOfVariedProfilesAreInPlainWords() {
        List<String> found = new ArrayList<>();
        int pages = 0;
        for (Scenario scenario : RealRules.scenarios()) {
            var answer = given().contentType(ContentType.JSON).body(scenario.profile().toString())
                    .when().post("/api/v1/evaluations").then().statusCode(201).extract();
            String summary = answer.path("summary");
            notes(scenario.file() + " summary", summary, found);
            String page = given().when().get("/ui/evaluations/" + answer.path("id")).then().statusCode(200).extract().asString();
            String managers = page.substring(page.indexOf("<main"), page.indexOf("<section aria-labelledby=\"trace\">"));
            notes(scenario.file() + " page", managers.replaceAll("<[^>]+>", " "), found);
            pages++;
        }
        assertTrue(pages > 10, "varied profiles were read: " + pages);
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void theCheckCatchesWhatItLooksFor() {
        List<String> found = new ArrayList<>();
        for (String text : List.of("the demoted claim", "S1 says", "RT-01..06 apply", "STR-* claims", "an anchor", "(RT-01, RT-02)",
                "the seeds agree", "the RT family")) {
            notes("sample", text, found);
        }
        assertTrue(found.size() == 8, String.join("\n", found));
        notes("sample", "Node.js handles chat well (RT-02). Encoding video is CPU-heavy.", found);
        assertTrue(found.size() == 8, "plain text with one id as a reference passes");
    }

    private static void notes(String where, String text, List<String> found) {
        Matcher m = ENGINEERING.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 60);
            found.add(where + ": \"" + m.group() + "\" in …" + text.substring(from, Math.min(text.length(), m.end() + 60)).strip() + "…");
        }
    }
}
