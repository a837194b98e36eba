package io.stackadvisor.ruleset;

import io.stackadvisor.testing.RulesCopy;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ReloadProfile.class)
class RulesetReloadTest {
    static final String CHAT = "{\"workloads\": [\"realtime-messaging\"], \"expectedConcurrentConnections\": 20000}";
    static final String OLD_NAME = "RT-02 chat and messaging favour Node.js";
    static final String NEW_NAME = "RT-02 chat and messaging apps favour Node.js";

    @BeforeEach
    void startFromTheRealRules() {
        RulesCopy.reset(ReloadProfile.RULES);
        reload().then().statusCode(200);
    }

    static Response reload() {
        return given().header("Authorization", "Bearer " + ReloadProfile.TOKEN).when().post("/api/v1/ruleset/reload");
    }

    static String liveVersion() {
        return given().when().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    /** The 1-based lines that declare a rule in the DRL files of the service's rules folder, by file (counted here, not by the compiler). */
    static Map<String, List<Integer>> ruleDeclarations() throws IOException {
        Map<String, List<Integer>> declarations = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(ReloadProfile.RULES)) {
            for (Path drl : walk.filter(p -> p.toString().endsWith(".drl")).toList()) {
                List<String> lines = Files.readAllLines(drl);
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("rule \"")) at.add(i + 1);
                if (!at.isEmpty()) declarations.put(ReloadProfile.RULES.relativize(drl).toString().replace('\\', '/'), at);
            }
        }
        return declarations;
    }

    @Test
    void theRulesetDescribesItself() throws IOException {
        Map<String, List<Integer>> declared = ruleDeclarations();
        int rules = declared.values().stream().mapToInt(List::size).sum();
        int oldNameLine = Files.readAllLines(ReloadProfile.RULES.resolve("evidence/realtime.drl")).indexOf("rule \"" + OLD_NAME + "\"") + 1;
        assertTrue(rules > 0 && oldNameLine > 0);
        given().when().get("/api/v1/ruleset").then().statusCode(200)
                .body("version", startsWith("sha256:"))
                .body("rules", equalTo(rules))
                .body("files", hasItems("catalogue/claims.json", "evidence/realtime.drl", "decision/6-verdict.drl"))
                .body("lastReload.result", equalTo("UNCHANGED"));
        given().when().get("/api/v1/rules?claim=RT-02").then().statusCode(200)
                .body("[0].name", equalTo(OLD_NAME))
                .body("[0].file", equalTo("evidence/realtime.drl"))
                .body("[0].line", equalTo(oldNameLine))
                .body("[0].phase", equalTo("evidence"))
                .body("[0].tests", equalTo(List.of("workloads")));
        // Every rule listed where it is declared, and every declaration listed.
        Map<String, List<Integer>> listed = new TreeMap<>();
        for (Map<String, Object> rule : given().when().get("/api/v1/rules").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("")) {
            listed.computeIfAbsent((String) rule.get("file"), f -> new ArrayList<>()).add((Integer) rule.get("line"));
        }
        listed.values().forEach(lines -> lines.sort(null));
        assertEquals(declared, listed);
    }

    @Test
    void reloadNeedsTheAdminToken() {
        given().when().post("/api/v1/ruleset/reload").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").when().post("/api/v1/ruleset/reload").then().statusCode(401);
    }

    @Test
    void aGoodEditGoesLiveAndChangesTheVersion() {
        String before = liveVersion();
        RulesCopy.edit(ReloadProfile.RULES, "evidence/realtime.drl", OLD_NAME, NEW_NAME);
        reload().then().statusCode(200).body("result", equalTo("APPLIED")).body("liveVersion", not(equalTo(before)));
        String after = liveVersion();
        assertNotEquals(before, after);
        given().contentType(ContentType.JSON).body(CHAT).when().post("/api/v1/evaluations").then().statusCode(201)
                .body("rulesetVersion", equalTo(after)).body("trace.rule", hasItem(NEW_NAME));
    }

    @Test
    void aSyntaxErrorLeavesTheOldRulesetServing() {
        String before = liveVersion();
        RulesCopy.edit(ReloadProfile.RULES, "evidence/realtime.drl", "Profile( workloads contains \"multiplayer-gaming\" )",
                "Profile( workloads contains \"multiplayer-gaming\" ");
        Response rejected = reload();
        rejected.then().statusCode(422).contentType("application/problem+json")
                .body("reload.result", equalTo("REJECTED"))
                .body("reload.liveVersion", equalTo(before))
                .body("reload.candidateVersion", startsWith("sha256:"))
                .body("reload.candidateVersion", not(equalTo(before)));
        List<String> files = rejected.jsonPath().getList("reload.problems.file");
        assertTrue(files.contains("evidence/realtime.drl"), files.toString());
        assertTrue(rejected.jsonPath().getInt("reload.problems[0].line") > 0);
        assertServing(before);
        given().when().get("/api/v1/ruleset").then().body("lastReload.result", equalTo("REJECTED"))
                .body("lastReload.problems.file", hasItem("evidence/realtime.drl"));
    }

    @Test
    void anUnknownClaimIdLeavesTheOldRulesetServing() {
        String before = liveVersion();
        RulesCopy.edit(ReloadProfile.RULES, "evidence/realtime.drl", "@claim(\"RT-03\")", "@claim(\"RT-33\")");
        reload().then().statusCode(422)
                .body("reload.problems.file", hasItem("evidence/realtime.drl"))
                .body("reload.problems.line", hasItem(25))
                .body("reload.problems.message", hasItem(org.hamcrest.Matchers.containsString("@claim(\"RT-33\") is not in")));
        assertServing(before);
    }

    @Test
    void aFailingScenarioLeavesTheOldRulesetServing() {
        String before = liveVersion();
        // A plausible edit that lints clean but changes behaviour: CC-01 moved from 1,000 to 5,000 connections.
        RulesCopy.edit(ReloadProfile.RULES, "evidence/concurrency-performance.drl",
                "expectedConcurrentConnections >= 1000 )\nthen\n    insert( new Evidence(\"CC-01\"",
                "expectedConcurrentConnections >= 5000 )\nthen\n    insert( new Evidence(\"CC-01\"");
        Response rejected = reload();
        rejected.then().statusCode(422).body("reload.result", equalTo("REJECTED"));
        List<String> failed = rejected.jsonPath().getList("reload.failedScenarios.file");
        assertTrue(failed.size() > 0 && rejected.jsonPath().getList("reload.failedScenarios.failures").toString()
                .contains("CC-01"), failed.toString());
        assertServing(before);
    }

    @Test
    void anImpactReportShowsWhatACandidateWouldFlip() {
        String name = "impact-" + java.util.UUID.randomUUID();
        String smallChat = "{\"name\": \"" + name + "\", \"workloads\": [\"realtime-messaging\"], \"expectedConcurrentConnections\": 300, "
                + "\"latencyTargetMs\": 500, \"team\": {\"javascript\": \"basic\", \"python\": \"strong\"}, \"frontend\": {\"language\": \"other\"}}";
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(smallChat).when().post("/api/v1/evaluations").then().statusCode(201)
                    .body("verdict", equalTo("PYTHON"));
        }
        // The candidate (on disk, not live): the small-scale defeater only below 100 connections.
        RulesCopy.edit(ReloadProfile.RULES, "decision/2-adjustment.drl", "expectedConcurrentConnections < 1000,",
                "expectedConcurrentConnections < 100,");
        given().queryParam("name", name).queryParam("against", "candidate").when().post("/api/v1/evaluations/impact")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + ReloadProfile.TOKEN).queryParam("name", name).queryParam("against", "candidate")
                .when().post("/api/v1/evaluations/impact").then().statusCode(200)
                .body("evaluated", equalTo(3)).body("verdictsChanged", equalTo(3))
                .body("flips[0].from", equalTo("PYTHON")).body("flips[0].to", equalTo("NODEJS"))
                .body("flips[0].count", equalTo(3)).body("flips[0].examples.size()", equalTo(3))
                .body("claimShifts.claim", hasItem("FW-01"));
        given().queryParam("name", name).when().post("/api/v1/evaluations/impact").then().statusCode(200)
                .body("against", equalTo("live")).body("evaluated", equalTo(3)).body("verdictsChanged", equalTo(0));
    }

    private static void assertServing(String version) {
        assertEquals(version, liveVersion());
        given().contentType(ContentType.JSON).body(CHAT).when().post("/api/v1/evaluations").then().statusCode(201)
                .body("rulesetVersion", equalTo(version)).body("verdict", equalTo("NODEJS"));
    }
}
