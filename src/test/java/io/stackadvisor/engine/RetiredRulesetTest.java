package io.stackadvisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.engine.facts.Outcome;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.testing.RealRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A replaced ruleset's session pool is shut down, but only once the evaluations holding its sessions
 * have finished: none of them fails, and evaluations that picked up the retired ruleset late still
 * get a (fresh) session and the same answers.
 */
class RetiredRulesetTest {
    final DecisionEngine engine = new DecisionEngine();

    @Test
    void thePoolShutsDownAfterTheLastEvaluationHoldingItAndNoEvaluationFails() throws Exception {
        Ruleset ruleset = RealRules.compiler().compile(RealRules.DIR);
        List<Profile> profiles = RealRules.scenarios().stream().limit(20)
                .map(s -> new Profile(RealRules.READER.validate(s.profile()).profile())).toList();
        List<Outcome> expected = profiles.stream().map(p -> engine.evaluate(ruleset, p, true).verdict()).toList();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicBoolean retired = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(threads.submit(() -> {
                running.countDown();
                int evaluations = 0;
                // Keep evaluating on the reference taken before the swap, as a request in flight does.
                for (int roundsAfter = 0; roundsAfter < 3; roundsAfter += retired.get() ? 1 : 0) {
                    for (int i = 0; i < profiles.size(); i++) {
                        assertEquals(expected.get(i), engine.evaluate(ruleset, profiles.get(i), true).verdict());
                        evaluations++;
                    }
                }
                return evaluations;
            }));
        }
        running.await();
        Thread.sleep(200);
        ruleset.close();
        retired.set(true);
        int total = 0;
        for (Future<Integer> worker : workers) total += worker.get();
        threads.shutdown();

        assertTrue(total >= 4 * 3 * profiles.size(), "three rounds each ran on after the retirement: " + total);
        assertTrue(ruleset.sessions().isShutDown(), "the pool is shut down once every lent session is back");
        assertEquals(expected.get(0), engine.evaluate(ruleset, profiles.get(0), true).verdict(),
                "a late evaluation on the retired ruleset still gets a session");
    }

    @Test
    void aLentSessionKeepsThePoolOpenUntilItIsReturned() throws Exception {
        Ruleset ruleset = RealRules.compiler().compile(RealRules.DIR);
        RulesetSessions.Lease lease = ruleset.sessions().acquire();
        ruleset.close();
        assertFalse(ruleset.sessions().isShutDown());
        lease.close();
        assertTrue(ruleset.sessions().isShutDown());
        ruleset.close();
        assertTrue(ruleset.sessions().isShutDown(), "closing twice is harmless");
    }
}
