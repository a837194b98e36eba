package io.stackadvisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.scenario.Scenario;
import io.stackadvisor.scenario.ScenarioResult;
import io.stackadvisor.scenario.ScenarioRunner;
import io.stackadvisor.testing.RealRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The knowledge base's own examples (its examples.json, which is not in the repository) live on as the
 * scenarios of rules/scenarios/examples, so the check, every reload and the build all run them. Every
 * case of the knowledge base is still there, still expects the knowledge base's verdict, and passes.
 */
class ExamplesTest {
    static final String FOLDER = "scenarios/examples/";
    static final String ORIGIN = "knowledge/examples.json ";

    static List<Scenario> examples() {
        return RealRules.scenarios().stream().filter(s -> s.file().startsWith(FOLDER)).toList();
    }

    @TestFactory
    List<DynamicTest> everyExampleOfTheKnowledgeBaseIsAPassingScenario() {
        ScenarioRunner runner = new ScenarioRunner(RealRules.READER);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> example : KnowledgeBase.read().examples.entrySet()) {
            String id = example.getKey();
            String verdict = example.getValue();
            tests.add(DynamicTest.dynamicTest(id + " concludes " + verdict, () -> {
                List<Scenario> scenarios = examples().stream().filter(s -> (ORIGIN + id).equals(s.origin())).toList();
                assertEquals(1, scenarios.size(), "one scenario in rules/" + FOLDER + " has \"origin\": \"" + ORIGIN + id + "\"");
                Scenario scenario = scenarios.get(0);
                assertEquals(verdict, scenario.expect().verdict(), scenario.file() + " expects the knowledge base's verdict");
                assertNotNull(scenario.expect().confidence(), scenario.file() + " expects a confidence");
                assertFalse(scenario.expect().fired().isEmpty(), scenario.file() + " names the claims that must fire");
                ScenarioResult result = runner.run(RealRules.ruleset(), scenario);
                assertEquals(List.of(), result.failures(), scenario.file());
                assertEquals(verdict, result.verdict());
            }));
        }
        return tests;
    }

    @Test
    void theExamplesFolderHoldsOnlyCasesOfTheKnowledgeBase() {
        Map<String, String> cases = KnowledgeBase.read().examples;
        List<Scenario> examples = examples();
        assertFalse(examples.isEmpty(), "rules/" + FOLDER + " holds the knowledge base's examples");
        for (Scenario scenario : examples) {
            String origin = scenario.origin() == null ? "" : scenario.origin();
            String id = origin.startsWith(ORIGIN) ? origin.substring(ORIGIN.length()) : null;
            assertTrue(id != null && cases.containsKey(id), scenario.file() + " names no case of the knowledge base as its origin: "
                    + scenario.origin() + " (new scenarios go in a topic folder)");
            assertTrue(scenario.file().startsWith(FOLDER + id + "-"), scenario.file() + " is named after its case, " + id);
        }
    }
}
