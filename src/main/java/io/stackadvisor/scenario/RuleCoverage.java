package io.stackadvisor.scenario;

import java.util.List;

/** For one rule: the scenarios in which it fired, and those that required it not to fire. */
public record RuleCoverage(String rule, String file, int line, List<String> firedIn, List<String> forbiddenIn) {
    public boolean covered() {
        return !firedIn.isEmpty() && !forbiddenIn.isEmpty();
    }
}
