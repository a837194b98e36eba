package io.stackadvisor.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.engine.RuleProblem;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.profile.ProfileReader;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The knowledge engineers' check, run from the shell (see rules/README.md): compiles and lints the
 * rules folder, runs every scenario and prints the coverage report. Exit code 0 only if the folder
 * would be accepted by a reload.
 */
public final class CheckRules {
    private CheckRules() {
    }

    /**
     * {@code CheckRules [rules-folder] [--passed-versions file]}: with a file, a folder that passes has
     * its version written there (the build does this at package time, so the packaged service starts
     * that version without running its scenarios again).
     */
    public static void main(String[] args) throws java.io.IOException {
        Path rules = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "rules");
        int passed = check(rules, System.out);
        int at = java.util.Arrays.asList(args).indexOf("--passed-versions");
        if (passed == 0 && at >= 0 && at + 1 < args.length) {
            Path file = Path.of(args[at + 1]);
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(file, RulesetCompiler.versionOf(rules) + "\n");
        }
        System.exit(passed);
    }

    static int check(Path rules, java.io.PrintStream out) {
        Ruleset ruleset;
        ScenarioReport report;
        try {
            ObjectMapper json = JsonMappers.standalone();
            ruleset = new RulesetCompiler(Clock.systemUTC(), json).compile(rules);
            report = new ScenarioRunner(new ProfileReader(json)).run(ruleset, new ScenarioLoader(json).load(rules));
        } catch (RulesetException e) {
            out.println("The rules in " + rules + " do not load:");
            for (RuleProblem problem : e.problems()) out.println("  " + problem);
            return 1;
        }
        out.println("Loaded " + ruleset.rules().size() + " rules, ruleset " + ruleset.version());
        out.println();
        out.print(ScenarioReportPrinter.print(report));
        ruleset.close();
        out.println(report.passed() ? "\nOK: this ruleset would be accepted by a reload."
                : "\nNOT ACCEPTED: fix the failing scenarios and coverage gaps above.");
        return report.passed() ? 0 : 1;
    }
}
