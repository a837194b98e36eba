package io.stackadvisor.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stackadvisor.engine.RuleProblem;
import java.time.Instant;
import java.util.List;

/** What one load or reload attempt did, and why a rejected candidate was rejected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReloadOutcome(
        Instant at,
        String trigger,
        Result result,
        String liveVersion,
        String candidateVersion,
        long durationMs,
        List<RuleProblem> problems,
        List<FailedScenario> failedScenarios,
        List<String> uncoveredRules,
        Integer scenariosPassed) {

    public enum Result { APPLIED, UNCHANGED, REJECTED }

    public record FailedScenario(String file, String title, List<String> failures) {
    }

    public boolean rejected() {
        return result == Result.REJECTED;
    }
}
