package io.stackadvisor.scenario;

import java.util.List;

/** The outcome of running every scenario against one ruleset, with per-rule coverage. */
public record ScenarioReport(String rulesetVersion, List<ScenarioResult> results, List<RuleCoverage> coverage) {

    public List<ScenarioResult> failed() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public List<RuleCoverage> uncovered() {
        return coverage.stream().filter(c -> !c.covered()).toList();
    }

    public List<String> neverFired() {
        return coverage.stream().filter(c -> c.firedIn().isEmpty()).map(RuleCoverage::rule).toList();
    }

    public boolean passed() {
        return failed().isEmpty() && uncovered().isEmpty();
    }
}
