package io.stackadvisor.ruleset;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.TraceStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each rule (by name) has fired on this instance since it started, exported as the metric
 * stack_advisor_rule_firings_total (per instance, for monitoring). The rules API and page count from
 * the shared audit log instead (db/RuleFirings), the same numbers on every instance.
 */
@ApplicationScoped
public class RuleFiringStats {
    private static final class Counter {
        final LongAdder count = new LongAdder();
        volatile Instant last;
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public RuleFiringStats(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(EngineResult result, Instant at) {
        for (TraceStep step : result.trace()) {
            Counter counter = counters.computeIfAbsent(step.rule().name(), k -> register(step.rule()));
            counter.count.increment();
            counter.last = at;
        }
    }

    private Counter register(RuleDescriptor rule) {
        Counter counter = new Counter();
        FunctionCounter.builder("stack_advisor.rule.firings", counter.count, LongAdder::sum)
                .description("Rule firings since start-up").tag("rule", rule.name())
                .tag("claim", rule.encodesClaim() ? rule.claim() : "none").tag("phase", rule.phase().group())
                .register(registry);
        return counter;
    }
}
