package io.stackadvisor.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.engine.RuleProblem;
import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.RulesetTexts;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Clock;
import java.util.List;

/**
 * The acceptance gate a rules folder passes before it may serve: it compiles, lints clean, passes
 * every scenario and (unless switched off) every rule has a positive and a negative scenario.
 */
@jakarta.inject.Singleton
public class RulesetGate {
    private final RulesetCompiler compiler;
    private final ScenarioLoader loader;
    private final ScenarioRunner runner;
    private final boolean requireCoverage;

    @jakarta.inject.Inject
    public RulesetGate(ObjectMapper json, ProfileReader reader,
                       @ConfigProperty(name = "stack-advisor.rules.require-coverage", defaultValue = "true") boolean requireCoverage) {
        this(Clock.systemUTC(), json, reader, requireCoverage);
    }

    public RulesetGate(Clock clock, ObjectMapper json, ProfileReader reader, boolean requireCoverage) {
        this.compiler = new RulesetCompiler(clock, json);
        this.loader = new ScenarioLoader(json);
        this.runner = new ScenarioRunner(reader);
        this.requireCoverage = requireCoverage;
    }

    /** The files compiled and linted, without scenarios (a version that passed before, a candidate for impact reports). */
    public Ruleset compile(RulesFiles files) throws RulesetException {
        return compiler.compile(files);
    }

    /** This version as the build compiled it (see {@link BundledRules}), if the build compiled exactly this version. */
    public java.util.Optional<Ruleset> bundled(String version) {
        return BundledRules.ruleset(version, compiler);
    }

    /** What answers quote from a version that passed its gate, read without compiling. */
    public RulesetTexts describe(RulesFiles files) throws RulesetException {
        return compiler.describe(files);
    }

    /** A candidate that passed, or the reasons it did not. */
    public record Verdict(Ruleset ruleset, String candidateVersion, List<RuleProblem> problems,
                          List<FailedScenario> failedScenarios, List<String> uncoveredRules, int scenariosPassed) {
        public boolean passed() {
            return ruleset != null;
        }
    }

    public Verdict check(Path rulesDir) {
        try {
            return check(RulesFiles.read(rulesDir));
        } catch (RulesetException e) {
            return new Verdict(null, null, e.problems(), List.of(), List.of(), 0);
        }
    }

    public Verdict check(RulesFiles files) {
        Ruleset candidate = null;
        ScenarioReport report;
        try {
            candidate = compiler.compile(files);
            report = runner.run(candidate, loader.load(files));
        } catch (RulesetException e) {
            if (candidate != null) candidate.close();
            return new Verdict(null, files.version(), e.problems(), List.of(), List.of(), 0);
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
