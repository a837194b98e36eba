package io.stackadvisor.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.engine.RuleProblem;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.ruleset.ReloadOutcome.FailedScenario;
import io.stackadvisor.scenario.RuleCoverage;
import io.stackadvisor.scenario.ScenarioLoader;
import io.stackadvisor.scenario.ScenarioReport;
import io.stackadvisor.scenario.ScenarioRunner;
import io.stackadvisor.profile.ProfileReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The acceptance gate a rules folder passes before it may serve: it compiles, lints clean, passes
 * every scenario and (unless switched off) every rule has a positive and a negative scenario.
 */
public final class RulesetGate {
    private final RulesetCompiler compiler;
    private final ScenarioLoader loader;
    private final ScenarioRunner runner;
    private final boolean requireCoverage;

    public RulesetGate(Clock clock, ObjectMapper json, ProfileReader reader, boolean requireCoverage) {
        this.compiler = new RulesetCompiler(clock, json);
        this.loader = new ScenarioLoader(json);
        this.runner = new ScenarioRunner(reader);
        this.requireCoverage = requireCoverage;
    }

    /** The folder compiled and linted, without scenarios (for impact reports); close it after use. */
    public Ruleset compile(Path rulesDir) throws RulesetException {
        return compiler.compile(rulesDir);
    }

    /** A candidate that passed, or the reasons it did not. */
    public record Verdict(Ruleset ruleset, String candidateVersion, List<RuleProblem> problems,
                          List<FailedScenario> failedScenarios, List<String> uncoveredRules, int scenariosPassed) {
        public boolean passed() {
            return ruleset != null;
        }
    }

    public Verdict check(Path rulesDir) {
        Ruleset candidate = null;
        ScenarioReport report;
        try {
            candidate = compiler.compile(rulesDir);
            report = runner.run(candidate, loader.load(rulesDir));
        } catch (RulesetException e) {
            if (candidate != null) candidate.close();
            return new Verdict(null, RulesetCompiler.versionOf(rulesDir), e.problems(), List.of(), List.of(), 0);
        }
        List<FailedScenario> failed = report.failed().stream()
                .map(r -> new FailedScenario(r.scenario().file(), r.scenario().title(), r.failures())).toList();
        List<String> uncovered = requireCoverage ? report.uncovered().stream().map(RuleCoverage::rule).toList() : List.of();
        List<RuleProblem> problems = report.uncovered().stream().filter(c -> requireCoverage)
                .map(c -> new RuleProblem(c.file(), c.line(), "rule \"" + c.rule() + "\" has no scenario where it "
                        + (c.firedIn().isEmpty() ? "fires" : "must not fire")))
                .toList();
        int passed = report.results().size() - failed.size();
        if (!failed.isEmpty() || !uncovered.isEmpty()) {
            candidate.close();
            return new Verdict(null, candidate.version(), problems, failed, uncovered, passed);
        }
        return new Verdict(candidate, candidate.version(), List.of(), List.of(), List.of(), passed);
    }
}
