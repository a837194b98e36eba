package io.stackadvisor.explain;

import io.stackadvisor.engine.Phase;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.Ruleset;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The parsed profile conditions of a ruleset's claim rules, computed once per ruleset version. */
final class RuleConditions {
    private static final Map<String, RuleConditions> BY_VERSION = new ConcurrentHashMap<>();

    final Map<RuleDescriptor, Condition> evidence = new LinkedHashMap<>();
    /** Every number a rule compares a profile property with: where a verdict can tip. */
    final Map<String, TreeSet<BigDecimal>> thresholds = new LinkedHashMap<>();

    private RuleConditions(Ruleset ruleset) {
        for (RuleDescriptor rule : ruleset.rules().values()) {
            if (rule.phase() != Phase.EVIDENCE || !rule.encodesClaim() || rule.profileConstraints().isEmpty()) continue;
            Condition condition = ConditionParser.parseAll(rule.profileConstraints());
            evidence.put(rule, condition);
            collectThresholds(condition);
        }
    }

    static RuleConditions of(Ruleset ruleset) {
        if (BY_VERSION.size() > 8) BY_VERSION.clear();
        return BY_VERSION.computeIfAbsent(ruleset.version(), v -> new RuleConditions(ruleset));
    }

    private void collectThresholds(Condition condition) {
        if (condition instanceof Condition.Or or) or.parts().forEach(this::collectThresholds);
        else if (condition instanceof Condition.And and) and.parts().forEach(this::collectThresholds);
        else if (condition instanceof Condition.Test t && t.value() instanceof BigDecimal limit) {
            thresholds.computeIfAbsent(t.field(), f -> new TreeSet<>()).add(limit);
        }
    }
}
