package io.stackadvisor.ruleset;

import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.TraceStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How often each rule (by name) has fired since this instance started, and when last. */
@ApplicationScoped
public class RuleFiringStats {
    public record Snapshot(long fired, Instant lastFired) {
        static final Snapshot NEVER = new Snapshot(0, null);
    }

    private static final class Counter {
        final LongAdder count = new LongAdder();
        volatile Instant last;
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public void record(EngineResult result, Instant at) {
        for (TraceStep step : result.trace()) {
            Counter counter = counters.computeIfAbsent(step.rule().name(), k -> new Counter());
            counter.count.increment();
            counter.last = at;
        }
    }

    public Snapshot of(String rule) {
        Counter counter = counters.get(rule);
        return counter == null ? Snapshot.NEVER : new Snapshot(counter.count.sum(), counter.last);
    }
}
