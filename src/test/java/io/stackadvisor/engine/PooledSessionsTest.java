package io.stackadvisor.engine;

import io.stackadvisor.testing.RealRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.scenario.Scenario;
import io.stackadvisor.scenario.ScenarioLoader;
import io.stackadvisor.testing.NewSessionPerEvaluation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pooled session is reset between evaluations; nothing of one evaluation may leak into the next.
 * Every scenario profile, evaluated on reused sessions in shuffled orders and from several threads,
 * must give exactly what a brand-new session gives: verdict, scores, evidence and the whole trace.
 */
class PooledSessionsTest {
    static Ruleset pooled;
    static Ruleset fresh;
    static List<Profile> profiles = new ArrayList<>();
    static List<EngineResult> expected = new ArrayList<>();
    final DecisionEngine engine = new DecisionEngine();

    @BeforeAll
    static void evaluateEveryScenarioOnNewSessions() throws Exception {
        pooled = RealRules.ruleset();
        fresh = NewSessionPerEvaluation.of(pooled);
        ProfileReader reader = RealRules.READER;
        for (Scenario scenario : RealRules.scenarios()) {
            Profile profile = new Profile(reader.validate(scenario.profile()).profile());
            profiles.add(profile);
            expected.add(new DecisionEngine().evaluate(fresh, profile, true));
        }
        assertTrue(profiles.size() > 50, "the scenario profiles were read");
    }

    @Test
    void reusedSessionsGiveWhatNewSessionsGiveInAnyOrder() {
        Random random = new Random(20261123);
        for (int round = 0; round < 3; round++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < profiles.size(); i++) order.add(i);
            Collections.shuffle(order, random);
            for (int i : order) {
                assertEquals(described(expected.get(i)), described(engine.evaluate(pooled, profiles.get(i), true)), "profile " + i + ", round " + round);
                engine.evaluate(pooled, profiles.get(i), false);
            }
        }
    }

    @Test
    void reusedSessionsStayIsolatedAcrossThreads() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                done.add(threads.submit(() -> {
                    for (int n = 0; n < 5 * profiles.size(); n++) {
                        int i = (n * 7 + offset * 13) % profiles.size();
                        assertEquals(described(expected.get(i)), described(engine.evaluate(pooled, profiles.get(i), true)), "profile " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Everything an evaluation concluded, by value: evidence facts are mutable and compare by identity. */
    static String described(EngineResult result) {
        return result + " " + result.evidence().stream().map(e -> e.getClaim() + e.effect()).toList();
    }
}
