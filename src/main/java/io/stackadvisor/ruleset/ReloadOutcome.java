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

    /**
     * APPLIED: now live here and the fleet's live version; UNCHANGED: it was live already; STORED: passed
     * and stored as a candidate, not live (reload with promote=false); REJECTED: did not pass, nothing changed.
     */
    public enum Result { APPLIED, UNCHANGED, STORED, REJECTED }

    public record FailedScenario(String file, String title, List<String> failures) {
    }

    public boolean rejected() {
        return result == Result.REJECTED;
    }
}
