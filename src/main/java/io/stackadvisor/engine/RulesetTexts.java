package io.stackadvisor.engine;

import io.stackadvisor.knowledge.ClaimCatalogue;
import java.util.Map;

/**
 * What answers quote from one ruleset version: its rules as written (name, claim, phase, file, line)
 * and its claim catalogue. Enough to render any record the version decided, without compiling it.
 */
public record RulesetTexts(String version, Map<String, RuleDescriptor> rules, ClaimCatalogue catalogue) {

    public RuleDescriptor rule(String name) {
        return rules.get(name);
    }
}
