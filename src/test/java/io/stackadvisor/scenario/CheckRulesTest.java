package io.stackadvisor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.testing.RealRules;
import io.stackadvisor.testing.RulesCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge engineers' shell check: accepts the real rules, refuses a broken copy with file and line. */
class CheckRulesTest {
    /** "F / N": the scenarios in which a rule fired, and those that required it not to fire. */
    private static final Pattern COUNTS = Pattern.compile("(\\d+) / (\\d+)");

    @TempDir
    Path copy;

    /** The report's structure, checked against the rules and scenarios themselves rather than today's numbers. */
    @Test
    void acceptsTheRealRulesAndPrintsTheCoverageReport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckRules.check(Path.of("rules"), new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, report);
        List<String> lines = report.lines().toList();
        Ruleset ruleset = RealRules.ruleset();
        List<Scenario> scenarios = RealRules.scenarios();
        int rules = ruleset.rules().size();

        assertEquals("Loaded " + rules + " rules, ruleset " + ruleset.version(), lines.get(0), report);
        for (Scenario scenario : scenarios) {
            String pass = "  PASS " + scenario.file() + " - " + scenario.title() + " -> ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(pass)), "no PASS line for " + scenario.file() + "\n" + report);
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("  FAIL ")), report);
        assertTrue(lines.contains(scenarios.size() + " passed, 0 failed"), report);

        for (RuleDescriptor rule : ruleset.rules().values()) {
            String prefix = "  ok   " + rule.file() + ":" + rule.line() + " \"" + rule.name() + "\": ";
            String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no covered coverage line for " + rule.name() + "\n" + report));
            Matcher counts = COUNTS.matcher(line.substring(prefix.length()));
            assertTrue(counts.matches() && Integer.parseInt(counts.group(1)) > 0 && Integer.parseInt(counts.group(2)) > 0, line);
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("  GAP  ")), report);
        assertTrue(lines.contains(rules + " of " + rules + " rules covered both ways; never fired: 0"), report);
        assertEquals("OK: this ruleset would be accepted by a reload.", lines.get(lines.size() - 1), report);
    }

    @Test
    void refusesAScenarioThatFailsAndSaysWhy() throws IOException {
        RulesCopy.reset(copy);
        Path scenario = copy.resolve("scenarios/examples/case-01-consumer-chat-app-at-scale.json");
        Files.writeString(scenario, Files.readString(scenario).replace("\"verdict\": \"NODEJS\"", "\"verdict\": \"PYTHON\""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckRules.check(copy, new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit);
        assertTrue(report.contains("FAIL scenarios/examples/case-01-consumer-chat-app-at-scale.json"), report);
        assertTrue(report.contains("expected verdict PYTHON but got NODEJS"), report);
        assertTrue(report.contains("NOT ACCEPTED"), report);
    }
}
