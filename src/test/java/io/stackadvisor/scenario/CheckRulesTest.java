package io.stackadvisor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import io.stackadvisor.testing.RulesCopy;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge engineers' shell check: accepts the real rules, refuses a broken copy with file and line. */
class CheckRulesTest {
    @TempDir
    Path copy;

    @Test
    void acceptsTheRealRulesAndPrintsTheCoverageReport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckRules.check(Path.of("rules"), new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, report);
        assertTrue(report.contains("150 of 150 rules covered both ways"), report);
        assertTrue(report.contains("OK: this ruleset would be accepted by a reload."), report);
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
