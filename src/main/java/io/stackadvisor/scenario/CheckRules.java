package io.stackadvisor.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.engine.CompiledRules;
import io.stackadvisor.engine.RuleProblem;
import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.profile.ProfileReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The knowledge engineers' check, run from the shell (see rules/README.md): compiles and lints the
 * rules folder, runs every scenario and prints the coverage report. Exit code 0 only if the folder
 * would be accepted by a reload.
 */
public final class CheckRules {
    private CheckRules() {
    }

    /**
     * {@code CheckRules [rules-folder] [--passed-versions file] [--compiled file]}: with a file, a folder
     * that passes has its version written there, and with {@code --compiled} its compiled form (the build
     * does both at package time, so the packaged service starts that version without running its
     * scenarios or compiling its DRL again). The compiled form is read back and must answer every
     * scenario exactly as the DRL compiled from source does, trace included, or the build fails.
     */
    public static void main(String[] args) throws java.io.IOException {
        Path rules = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "rules");
        int passed = check(rules, System.out);
        Path passedVersions = option(args, "--passed-versions");
        Path compiled = option(args, "--compiled");
        if (passed == 0 && compiled != null) passed = writeCompiled(rules, compiled, System.out);
        if (passed == 0 && passedVersions != null) {
            java.nio.file.Files.createDirectories(passedVersions.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(passedVersions, RulesetCompiler.versionOf(rules) + "\n");
        }
        System.exit(passed);
    }

    private static Path option(String[] args, String name) {
        int at = java.util.Arrays.asList(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? Path.of(args[at + 1]) : null;
    }

    /** Writes the compiled form of a folder that passed, after proving it answers as the DRL does. */
    static int writeCompiled(Path rules, Path target, java.io.PrintStream out) throws java.io.IOException {
        ObjectMapper json = JsonMappers.standalone();
        RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC(), json);
        try (Ruleset fromSource = compiler.compile(rules)) {
            byte[] form = CompiledRules.write(RulesFiles.read(rules), fromSource.sessions().kieBase(), fromSource.rules().values());
            CompiledRules.Loaded loaded = CompiledRules.read(form);
            try (Ruleset readBack = compiler.load(loaded)) {
                List<Scenario> scenarios = new ScenarioLoader(json).load(rules);
                List<String> differences = new SameAnswers(new ProfileReader(json)).differences(fromSource, readBack, scenarios);
                if (!differences.isEmpty()) {
                    out.println("\nThe compiled form answers differently from the DRL:");
                    differences.forEach(d -> out.println("  " + d));
                    return 1;
                }
                java.nio.file.Files.createDirectories(target.toAbsolutePath().getParent());
                java.nio.file.Files.write(target, form);
                out.printf("%nCompiled form written (%d bytes): all %d scenarios answer exactly as the DRL compiled from source.%n",
                        form.length, scenarios.size());
                return 0;
            }
        } catch (RulesetException e) {
            out.println("The compiled form does not load: " + e.problems());
            return 1;
        }
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
