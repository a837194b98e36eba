package io.stackadvisor.engine;

import io.stackadvisor.knowledge.ClaimCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One compiled, immutable version of the rules folder. An evaluation takes one reference and uses it
 * from start to finish, so a reload can never mix two rulesets in one answer. Whoever stops using a
 * ruleset for good (a replaced live one, a candidate) closes it, which shuts its session pool down
 * once the evaluations in flight on it have finished.
 */
public record Ruleset(
        String version,
        Instant loadedAt,
        List<String> files,
        RulesetSessions sessions,
        Map<String, RuleDescriptor> rules,
        ClaimCatalogue catalogue) implements AutoCloseable {

    public RuleDescriptor rule(String name) {
        return rules.get(name);
    }

    public RulesetTexts texts() {
        return new RulesetTexts(version, rules, catalogue);
    }

    @Override
    public void close() {
        sessions.retire();
    }
}
