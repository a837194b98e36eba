package io.stackadvisor.explain;

import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.explain.Explanation.NotFired;
import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.knowledge.ClaimCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** For each claim rule that did not fire: the failed part of its own condition and what the profile holds. */
final class WhyNot {
    private WhyNot() {
    }

    static List<NotFired> explain(RuleConditions conditions, Profile profile, Set<String> rulesFired, ClaimCatalogue catalogue) {
        List<NotFired> result = new ArrayList<>();
        Set<String> claimsFired = new java.util.HashSet<>();
        for (RuleDescriptor rule : conditions.evidence.keySet()) {
            if (rulesFired.contains(rule.name())) claimsFired.add(rule.claim());
        }
        for (Map.Entry<RuleDescriptor, Condition> entry : conditions.evidence.entrySet()) {
            RuleDescriptor rule = entry.getKey();
            // A claim encoded by several rules (TEAM-04 for each side) fired if any of them did.
            if (rulesFired.contains(rule.name()) || claimsFired.contains(rule.claim())) continue;
            List<Condition> parts = entry.getValue() instanceof Condition.And and ? and.parts() : List.of(entry.getValue());
            List<Condition> failed = parts.stream().filter(p -> !ConditionEvaluator.holds(p, profile)).toList();
            Condition shown = failed.size() == 1 ? failed.get(0) : new Condition.And(failed);
            String needs = failed.isEmpty() ? "a condition the profile meets (see the rule)" : ConditionWords.say(shown);
            String given = failed.isEmpty() ? "" : ConditionWords.given(shown, profile);
            String statement = catalogue.claim(rule.claim()).map(Claim::statement).orElse(null);
            result.add(new NotFired(rule.claim(), rule.name(), statement, needs, given,
                    "Not counted: " + (statement == null ? rule.name() : statement) + " (" + rule.claim() + "). It needs "
                            + needs + (given.isEmpty() ? "" : "; here " + given) + "."));
        }
        return result;
    }
}
