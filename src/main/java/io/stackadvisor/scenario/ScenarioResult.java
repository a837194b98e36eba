package io.stackadvisor.scenario;

import java.util.List;
import java.util.Set;

/** How one scenario went: its failures in plain words, and the rules that fired. */
public record ScenarioResult(Scenario scenario, String verdict, String confidence, List<String> failures,
                             Set<String> rulesFired) {
    public boolean passed() {
        return failures.isEmpty();
    }
}
