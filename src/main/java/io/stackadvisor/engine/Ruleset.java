package io.stackadvisor.engine;

import io.stackadvisor.knowledge.ClaimCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One compiled, immutable version of the rules folder. An evaluation takes one reference and uses it
 * from start to finish, so a reload can never mix two rulesets in one answer. Sessions come from a
 * pool of this rule base: a released session is reset, keeping its network memories, which spares
 * each evaluation the cost of building them again.
 */
public record Ruleset(
        String version,
        Instant loadedAt,
        List<String> files,
        KieBase kieBase,
        KieSessionsPool sessions,
        Map<String, RuleDescriptor> rules,
        ClaimCatalogue catalogue) {

    public RuleDescriptor rule(String name) {
        return rules.get(name);
    }
}
