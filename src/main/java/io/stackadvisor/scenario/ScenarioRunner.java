package io.stackadvisor.scenario;

import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Flag;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs scenarios against a ruleset and measures coverage. The same runner serves the test suite,
 * the reload gate and the knowledge engineers' command line.
 */
public final class ScenarioRunner {
    private final DecisionEngine engine = new DecisionEngine();
    private final ProfileReader reader;

    public ScenarioRunner(ProfileReader reader) {
        this.reader = reader;
    }

    public ScenarioReport run(Ruleset ruleset, List<Scenario> scenarios) {
        List<ScenarioResult> results = scenarios.stream().map(s -> run(ruleset, s)).toList();
        List<RuleCoverage> coverage = new ArrayList<>();
        for (RuleDescriptor rule : ruleset.rules().values()) {
            List<String> firedIn = new ArrayList<>();
            List<String> forbiddenIn = new ArrayList<>();
            for (ScenarioResult result : results) {
                if (!result.passed()) continue;
                if (result.rulesFired().contains(rule.name())) firedIn.add(result.scenario().file());
                else if (forbids(result.scenario().expect(), rule)) forbiddenIn.add(result.scenario().file());
            }
            coverage.add(new RuleCoverage(rule.name(), rule.file(), rule.line(), firedIn, forbiddenIn));
        }
        return new ScenarioReport(ruleset.version(), results, coverage);
    }

    public ScenarioResult run(Ruleset ruleset, Scenario scenario) {
        EngineResult result;
        try {
            result = engine.evaluate(ruleset, new Profile(reader.validate(scenario.profile()).profile()), true);
        } catch (InvalidRequestException e) {
            return new ScenarioResult(scenario, null, null, List.of("the profile is invalid: " + e.errors()), Set.of());
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario, null, null, List.of("the rules failed: " + e.getMessage()), Set.of());
        }
        Set<String> rulesFired = new LinkedHashSet<>();
        for (TraceStep step : result.trace()) rulesFired.add(step.rule().name());
        List<String> flags = result.flags().stream().map(Flag::code).toList();
        String verdict = result.verdict().name();
        String confidence = result.confidence().name().toLowerCase();
        List<String> failures = new ArrayList<>();
        Scenario.Expectation expect = scenario.expect();
        if (expect.verdict() != null && !expect.verdict().equals(verdict)) {
            failures.add("expected verdict " + expect.verdict() + " but got " + verdict
                    + " (Node.js " + result.nodeScore() + ", Python " + result.pythonScore() + ")");
        }
        if (expect.confidence() != null && !expect.confidence().equals(confidence)) {
            failures.add("expected confidence " + expect.confidence() + " but got " + confidence);
        }
        for (String ref : expect.fired()) {
            if (matching(ruleset, ref).isEmpty()) failures.add(ref + " names no loaded rule, claim or conflict");
            else if (matching(ruleset, ref).stream().noneMatch(r -> rulesFired.contains(r.name()))) {
                failures.add(ref + " should have fired but did not");
            }
        }
        for (String ref : expect.notFired()) {
            if (matching(ruleset, ref).isEmpty()) failures.add(ref + " names no loaded rule, claim or conflict");
            for (RuleDescriptor rule : matching(ruleset, ref)) {
                if (rulesFired.contains(rule.name())) failures.add("\"" + rule.name() + "\" fired but must not");
            }
        }
        for (String flag : expect.flags()) {
            if (!flags.contains(flag)) failures.add("flag " + flag + " expected but not raised (raised: " + flags + ")");
        }
        for (String flag : expect.noFlags()) {
            if (flags.contains(flag)) failures.add("flag " + flag + " raised but must not be");
        }
        return new ScenarioResult(scenario, verdict, confidence, List.copyOf(failures), Set.copyOf(rulesFired));
    }

    private static List<RuleDescriptor> matching(Ruleset ruleset, String ref) {
        return ruleset.rules().values().stream().filter(r -> refersTo(ref, r)).toList();
    }

    private static boolean refersTo(String ref, RuleDescriptor rule) {
        return ref.equals(rule.name()) || ref.equals(rule.claim()) || ref.equals(rule.conflict());
    }

    private static boolean forbids(Scenario.Expectation expect, RuleDescriptor rule) {
        return expect.notFired().stream().anyMatch(ref -> refersTo(ref, rule))
                || rule.conflict() != null && expect.noFlags().contains(rule.conflict());
    }
}
