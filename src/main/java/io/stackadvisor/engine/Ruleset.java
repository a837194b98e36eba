package io.stackadvisor.engine;

import io.stackadvisor.knowledge.ClaimCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * One compiled, immutable version of the rules folder. An evaluation takes one reference and uses it
 * from start to finish, so a reload can never mix two rulesets in one answer.
 */
public record Ruleset(
        String version,
        Instant loadedAt,
        List<String> files,
        KieBase kieBase,
        Map<String, RuleDescriptor> rules,
        ClaimCatalogue catalogue) {

    public RuleDescriptor rule(String name) {
        return rules.get(name);
    }
}
