package io.stackadvisor.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.ruleset.ReloadOutcome;
import io.stackadvisor.ruleset.RulesetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Prometheus metrics of the decision service (at /q/metrics): evaluations by verdict, evaluation
 * latency, reload outcomes. Rule firings are counted once, by the rules' statistics.
 */
@ApplicationScoped
public class DecisionMetrics {
    private final MeterRegistry registry;
    private final Timer latency;

    public DecisionMetrics(MeterRegistry registry, RulesetService rulesets) {
        this.registry = registry;
        rulesets.onReload(this::reloaded);
        this.latency = Timer.builder("stack_advisor.evaluation").description("Rules evaluation time, with the trace")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public void evaluated(EngineResult result, Duration took) {
        latency.record(took);
        registry.counter("stack_advisor.evaluations", "verdict", result.verdict().name()).increment();
    }

    public void reloaded(ReloadOutcome outcome) {
        registry.counter("stack_advisor.ruleset.reloads", "result", outcome.result().name(), "trigger", outcome.trigger())
                .increment();
    }
}
