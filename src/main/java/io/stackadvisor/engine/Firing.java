package io.stackadvisor.engine;

import io.stackadvisor.engine.facts.Evidence;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.engine.facts.TraceFact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one firing needs for its trace step, recorded cheaply while the rules run: the rule, the
 * objects it matched and the fact it derived. Evidence is the only derived fact that changes later
 * (a demotion), so its state at the time is kept beside it; the maps are built after firing.
 */
final class Firing {
    /** The trace key of a derived fact's type: Evidence → evidence. */
    private static final ClassValue<String> KEYS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
        }
    };
    private final TracedRule rule;
    private final List<Object> objects;
    /** Bit i: the i-th matched object is Evidence that was demoted when the rule fired. */
    private final long demotedMatched;
    private TraceFact derived;
    private boolean derivedDemoted;

    Firing(TracedRule rule, List<Object> objects) {
        this.rule = rule;
        this.objects = objects;
        long demoted = 0;
        for (int i = 0; i < objects.size() && i < 64; i++) {
            if (objects.get(i) instanceof Evidence e && e.isDemoted()) demoted |= 1L << i;
        }
        this.demotedMatched = demoted;
    }

    TracedRule rule() {
        return rule;
    }

    /** The derived fact the trace shows as this firing's effect (the last one inserted or modified). */
    void derived(TraceFact fact) {
        derived = fact;
        derivedDemoted = fact instanceof Evidence e && e.isDemoted();
    }

    Map<String, Object> effect() {
        if (derived == null) return null;
        return derived instanceof Evidence e ? e.effectAs(derivedDemoted) : derived.effect();
    }

    /** The profile values the rule tested and the derived facts it matched; engine internals are left out. */
    Map<String, Object> matched() {
        Map<String, Object> matched = new LinkedHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            Object object = objects.get(i);
            if (object instanceof Profile profile) {
                for (TracedRule.ProfileTest test : rule.profileTests()) {
                    Object shown = shown(profile.valueOf(test.property()), test.values());
                    if (!(shown instanceof List<?> list && list.isEmpty() && !test.values().isEmpty())) {
                        matched.put(test.path(), shown);
                    }
                }
            } else if (object instanceof TraceFact fact) {
                String key = KEYS.get(object.getClass());
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) matched.computeIfAbsent(key, k -> new ArrayList<>());
                values.add(fact instanceof Evidence e ? e.valuesAs(i < 64 && (demotedMatched & 1L << i) != 0) : fact.values());
            }
        }
        return matched;
    }

    /** A set is shown as the members the rule asked about (all of them, sorted, if it named none);
     *  a set that holds none of the members asked about is left out (another alternative matched). */
    private static Object shown(Object value, List<String> valuesTested) {
        // The rules compare numbers as decimals; a whole number reads back as the integer that was sent.
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return d.longValue();
        if (!(value instanceof Set<?> set)) return value;
        if (valuesTested.isEmpty()) return set.stream().map(Object::toString).sorted().toList();
        List<String> shown = new ArrayList<>(valuesTested.size());
        for (String tested : valuesTested) if (set.contains(tested)) shown.add(tested);
        return Collections.unmodifiableList(shown);
    }
}
