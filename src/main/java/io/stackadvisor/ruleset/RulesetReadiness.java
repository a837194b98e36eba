package io.stackadvisor.ruleset;

import io.stackadvisor.engine.Ruleset;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only with a live ruleset; reports its version and whether the last reload was rejected. */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {
    private final RulesetService rulesets;

    public RulesetReadiness(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public HealthCheckResponse call() {
        Ruleset live = rulesets.current();
        ReloadOutcome last = rulesets.lastAttempt();
        return HealthCheckResponse.named("ruleset").status(live != null)
                .withData("version", live == null ? "none" : live.version())
                .withData("rules", live == null ? 0 : live.rules().size())
                .withData("lastReload", last == null ? "none" : last.result().name())
                .build();
    }
}
