package io.stackadvisor.scenario;

import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.problem.InvalidRequestException;
import io.stackadvisor.profile.ProfileReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof that two rulesets of one version, compiled two ways (from the DRL, and read back from the
 * build's compiled form), answer alike: every scenario's profile gives the same verdict, confidence,
 * scores, flags, advice and the same trace, step by step, matched values and effects included.
 */
public final class SameAnswers {
    private final DecisionEngine engine = new DecisionEngine();
    private final ProfileReader reader;

    public SameAnswers(ProfileReader reader) {
        this.reader = reader;
    }

    /** The scenarios whose answers differ, with the first difference; empty when all agree. */
    public List<String> differences(Ruleset expected, Ruleset actual, List<Scenario> scenarios) {
        List<String> differences = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Profile profile;
            try {
                profile = new Profile(reader.validate(scenario.profile()).profile());
            } catch (InvalidRequestException e) {
                continue;
            }
            List<String> a = fingerprint(engine.evaluate(expected, profile, true));
            List<String> b = fingerprint(engine.evaluate(actual, profile, true));
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String left = i < a.size() ? a.get(i) : "(nothing)";
                String right = i < b.size() ? b.get(i) : "(nothing)";
                if (!left.equals(right)) {
                    differences.add(scenario.file() + ": " + left + " <> " + right);
                    break;
                }
            }
        }
        return differences;
    }

    /** Everything an answer is made of, one line per part, in order. */
    static List<String> fingerprint(EngineResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("verdict " + result.verdict() + " " + result.confidence() + " " + result.nodeScore() + ":" + result.pythonScore());
        result.flags().forEach(f -> lines.add("flag " + f.code()));
        result.advice().forEach(a -> lines.add("advice " + a));
        result.familyScores().forEach(f -> lines.add("family " + f));
        for (TraceStep step : result.trace()) {
            lines.add("step " + step.step() + " " + step.rule().name() + " " + step.matched() + " " + step.effect());
        }
        return lines;
    }
}
