package io.stackadvisor.bench;

import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.scenario.Scenario;
import io.stackadvisor.testing.RealRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every scenario profile's and benchmark profile's full result (verdict, scores, evidence, trace with
 * matched values and effects), twice over on pooled sessions, as JSON lines: run it on two builds and
 * compare the files byte for byte to prove a change gives the same answers and traces.
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.stackadvisor.bench.EngineGoldenDump -Dbench.args=out.jsonl}
 */
public final class EngineGoldenDump {
    public static void main(String[] args) throws Exception {
        Ruleset ruleset = RealRules.ruleset();
        DecisionEngine engine = new DecisionEngine();
        List<Profile> profiles = new ArrayList<>();
        for (Scenario s : RealRules.scenarios()) profiles.add(new Profile(RealRules.READER.validate(s.profile()).profile()));
        for (String p : new java.util.TreeMap<>(EvaluationBenchmark.PROFILES).values()) profiles.add(new Profile(RealRules.READER.read(p.getBytes()).profile()));
        StringBuilder out = new StringBuilder();
        for (int round = 0; round < 2; round++) {
            for (Profile profile : profiles) {
                EngineResult r = engine.evaluate(ruleset, profile, true);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("verdict", r.verdict()); m.put("confidence", r.confidence());
                m.put("node", r.nodeScore()); m.put("python", r.pythonScore());
                m.put("evidence", r.evidence().stream().map(e -> e.getClaim() + e.effect()).toList());
                m.put("families", r.familyScores().toString()); m.put("advice", r.advice().toString()); m.put("flags", r.flags().toString());
                List<Object> steps = new ArrayList<>();
                for (TraceStep t : r.trace()) steps.add(List.of(t.step(), t.rule().name(), String.valueOf(t.matched()), String.valueOf(t.effect())));
                m.put("trace", steps);
                out.append(RealRules.JSON.writeValueAsString(m)).append('\n');
                engine.evaluate(ruleset, profile, false);
            }
        }
        Files.writeString(Path.of(args[0]), out);
        System.out.println(profiles.size() + " profiles written to " + args[0]);
        System.exit(0);
    }
}
