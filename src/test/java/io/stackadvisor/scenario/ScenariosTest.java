package io.stackadvisor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.testing.RealRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The acceptance gate: every scenario in rules/scenarios passes and every rule is covered both ways. */
class ScenariosTest {
    static final Path RULES = Path.of("rules");
    static Ruleset ruleset;
    static ScenarioReport report;

    @BeforeAll
    static void runAllScenarios() throws Exception {
        ruleset = RealRules.ruleset();
        List<Scenario> scenarios = RealRules.scenarios();
        report = new ScenarioRunner(RealRules.READER).run(ruleset, scenarios);
        System.out.println(ScenarioReportPrinter.print(report));
    }

    @Test
    void everyScenarioPasses() {
        String failures = report.failed().stream()
                .map(r -> r.scenario().file() + ": " + String.join("; ", r.failures()))
                .collect(Collectors.joining("\n"));
        assertTrue(report.failed().isEmpty(), "failing scenarios:\n" + failures);
    }

    @Test
    void everyScenarioFileIsRun() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(RULES.resolve(ScenarioLoader.SCENARIOS_DIR))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).map(p -> RULES.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty(), "rules/scenarios holds scenarios");
        assertEquals(files, report.results().stream().map(r -> r.scenario().file()).sorted().toList());
    }

    @Test
    void everyRuleFiresInOneScenarioAndIsForbiddenInAnother() {
        String uncovered = report.uncovered().stream()
                .map(c -> c.file() + ":" + c.line() + " \"" + c.rule() + "\""
                        + (c.firedIn().isEmpty() ? " never fires" : "") + (c.forbiddenIn().isEmpty() ? " is never forbidden" : ""))
                .collect(Collectors.joining("\n"));
        assertEquals("", uncovered, "rules without a positive and a negative scenario");
    }
}
