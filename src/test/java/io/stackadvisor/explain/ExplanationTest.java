package io.stackadvisor.explain;

import io.stackadvisor.testing.RealRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.explain.Explanation.Alternative;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.scenario.Scenario;
import io.stackadvisor.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Explanations checked against answers worked out by hand from the claim catalogue
 * (weights 3/2/1, family-max scoring, the small-scale defeater: rules/README.md), and against Drools itself.
 */
class ExplanationTest {
    static Ruleset ruleset;
    static final ObjectMapper JSON = new ObjectMapper();
    static final ExplanationService SERVICE = new ExplanationService(RealRules.READER);

    /** rules/scenarios/examples/case-36-*.json: support chat, 300 connections, 500 ms, JS basic, Python strong, frontend other. */
    static final String SMALL_CHAT = "{\"workloads\": [\"realtime-messaging\"], \"expectedConcurrentConnections\": 300, "
            + "\"latencyTargetMs\": 500, \"team\": {\"javascript\": \"basic\", \"python\": \"strong\", \"seniority\": \"mixed\"}, "
            + "\"frontend\": {\"language\": \"other\", \"type\": \"server-rendered\"}}";

    @BeforeAll
    static void load() throws Exception {
        ruleset = RealRules.ruleset();
    }

    static Explanation explain(String profile) throws Exception {
        return SERVICE.explain(ruleset, JSON.readTree(profile));
    }

    static List<String> words(Alternative alternative) {
        return alternative.changes().stream().map(Explanation.Change::words).toList();
    }

    @Test
    void whyNotNamesTheFailedConditionAndTheValueSeen() throws Exception {
        Explanation e = explain(SMALL_CHAT);
        List<String> texts = e.whyNot().stream().map(Explanation.NotFired::text).toList();
        // CC-01 needs >= 1,000 connections; RT-08 a latency target of 50 ms or less (claims.md triggers).
        assertTrue(texts.stream().anyMatch(t -> t.endsWith("(CC-01). It needs expected concurrent connections ≥ 1000; "
                + "here expected concurrent connections is 300.")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.endsWith("(RT-08). It needs latency target (ms) ≤ 50; "
                + "here latency target (ms) is 500.")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("(ML-01). It needs workloads to include one of: ml-training, ")
                && t.endsWith("; here workloads is realtime-messaging.")), texts.toString());
        // Fired claims are never listed.
        assertTrue(e.whyNot().stream().noneMatch(n -> Set.of("RT-01", "RT-02", "RT-07", "TEAM-04").contains(n.claim())));
    }

    @Test
    void whatWouldChangeTheVerdictMatchesTheHandCalculation() throws Exception {
        Explanation e = explain(SMALL_CHAT);
        assertEquals("PYTHON", e.verdict());
        // Latency 50 ms: no demotion, RT-08 fires, RT-07 stops. Node RT 3 + PERF 3 = 6; Python TEAM-04 2.
        Alternative toNode = e.toReach().get("NODEJS").stream().filter(a -> words(a).equals(List.of("set latency target (ms) to 50")))
                .findFirst().orElseThrow();
        assertEquals(6, toNode.nodejs());
        assertEquals(2, toNode.python());
        assertTrue(toNode.claimsGained().contains("RT-08") && toNode.claimsLost().contains("RT-07"));
        // Python skill basic: TEAM-04 gone, Python RT-07 1 + TEAM-03 1 = 2 against Node 2; no strong side: UNDETERMINED.
        Alternative tie = e.toReach().get("UNDETERMINED").stream().filter(a -> words(a).equals(List.of("set the team's Python to basic")))
                .findFirst().orElseThrow();
        assertEquals(2, tie.nodejs());
        assertEquals(2, tie.python());
        // No single edit makes a hybrid: demoted real-time claims are no anchors. Two edits do.
        assertTrue(!e.toReach().get("HYBRID").isEmpty());
        assertTrue(e.toReach().get("HYBRID").stream().allMatch(a -> a.changes().size() == 2));
        assertTrue(e.toReach().get("HYBRID").stream().anyMatch(a -> words(a).equals(
                List.of("add ml-training to workloads", "set latency target (ms) to 50"))));
        assertTrue(e.sensitivity().startsWith("Stays PYTHON unless you "), e.sensitivity());
        assertTrue(e.cost().variationsEvaluated() > 100);
    }

    @Test
    void anEmptyProfileAsksForTheWorkloadsFirst() throws Exception {
        Explanation e = explain("{}");
        assertEquals("UNDETERMINED", e.verdict());
        List<String> asked = e.askFirst().stream().map(Explanation.AskFor::field).toList();
        assertEquals("workloads", asked.get(0));
        assertTrue(asked.contains("expectedConcurrentConnections"), asked.toString());
        // 1,000 connections alone: CC-01 3 + CC-05 2 (family max 3) for Node.js.
        Alternative connections = e.askFirst().get(asked.indexOf("expectedConcurrentConnections")).examples().get(0);
        assertEquals("NODEJS", connections.verdict());
        assertTrue(e.sensitivity().startsWith("Stays UNDETERMINED until you "), e.sensitivity());
    }

    @Test
    void theSameProfileGivesTheSameExplanation() throws Exception {
        Explanation a = explain(SMALL_CHAT);
        Explanation b = explain(SMALL_CHAT);
        assertEquals(JSON.writeValueAsString(a.toReach()), JSON.writeValueAsString(b.toReach()));
        assertEquals(a.whyNot(), b.whyNot());
        assertEquals(a.askFirst(), b.askFirst());
    }

    /** The parsed conditions agree with Drools on every scenario profile: explanations cannot drift from the rules. */
    @Test
    void parsedConditionsAgreeWithDroolsOnEveryScenario() throws Exception {
        RuleConditions conditions = RuleConditions.of(ruleset);
        assertTrue(conditions.evidence.size() >= 95, "claim rules parsed: " + conditions.evidence.size());
        ProfileReader reader = RealRules.READER;
        DecisionEngine engine = new DecisionEngine();
        int checks = 0;
        for (Scenario scenario : RealRules.scenarios()) {
            JsonNode json = scenario.profile();
            Profile profile = new Profile(reader.validate(json).profile());
            EngineResult result = engine.evaluate(ruleset, profile, true);
            Set<String> fired = result.trace().stream().map(TraceStep::rule).map(RuleDescriptor::name).collect(Collectors.toSet());
            for (var entry : conditions.evidence.entrySet()) {
                assertEquals(fired.contains(entry.getKey().name()), ConditionEvaluator.holds(entry.getValue(), profile),
                        entry.getKey().name() + " in " + scenario.file());
                checks++;
            }
        }
        assertTrue(checks > 5000, "checks: " + checks);
    }
}
