package io.stackadvisor.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One acceptance scenario from rules/scenarios: a profile and what the rules must conclude.
 * References in {@code fired}/{@code notFired} are claim ids, conflict ids or exact rule names.
 */
public record Scenario(String file, String title, String why, String origin, JsonNode profile, Expectation expect) {

    public record Expectation(
            String verdict,
            String confidence,
            List<String> fired,
            List<String> notFired,
            List<String> flags,
            List<String> noFlags) {

        public Expectation {
            fired = fired == null ? List.of() : List.copyOf(fired);
            notFired = notFired == null ? List.of() : List.copyOf(notFired);
            flags = flags == null ? List.of() : List.copyOf(flags);
            noFlags = noFlags == null ? List.of() : List.copyOf(noFlags);
        }
    }
}
