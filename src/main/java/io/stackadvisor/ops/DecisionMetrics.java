package io.stackadvisor.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.ruleset.ReloadOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics of the decision service (at /q/metrics): evaluations by verdict, rule firings by
 * rule, evaluation latency, reload outcomes.
 */
@ApplicationScoped
public class DecisionMetrics {
    private final MeterRegistry registry;
    private final Timer latency;
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();

    public DecisionMetrics(MeterRegistry registry, io.stackadvisor.ruleset.RulesetService rulesets) {
        this.registry = registry;
        rulesets.onReload(this::reloaded);
        this.latency = Timer.builder("stack_advisor.evaluation").description("Rules evaluation time, with the trace")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public void evaluated(EngineResult result, Duration took) {
        latency.record(took);
        registry.counter("stack_advisor.evaluations", "verdict", result.verdict().name()).increment();
        for (TraceStep step : result.trace()) {
            firings.computeIfAbsent(step.rule().name(), name -> Counter.builder("stack_advisor.rule.firings")
                    .tag("rule", name).tag("claim", step.rule().encodesClaim() ? step.rule().claim() : "none")
                    .tag("phase", step.rule().phase().group()).register(registry)).increment();
        }
    }

    public void reloaded(ReloadOutcome outcome) {
        registry.counter("stack_advisor.ruleset.reloads", "result", outcome.result().name(), "trigger", outcome.trigger())
                .increment();
    }
}
