package io.stackadvisor.engine;

import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.engine.facts.TraceFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Listens to one session: keeps every derived fact in insertion order and, registered as an agenda
 * listener when tracing, builds the trace from the rules' own metadata, recording only what the trace
 * shows (no fact serialisation).
 */
final class SessionRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final Ruleset ruleset;
    private final boolean tracing;
    private final List<Object> derived = new ArrayList<>();
    private final List<TraceStep> trace = new ArrayList<>();
    private RuleDescriptor current;
    private Map<String, Object> currentMatched;
    private Map<String, Object> currentEffect;

    SessionRecorder(Ruleset ruleset, boolean tracing) {
        this.ruleset = ruleset;
        this.tracing = tracing;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        closeStep();
        Match match = event.getMatch();
        current = ruleset.rule(match.getRule().getName());
        currentMatched = matched(current, match.getObjects());
        currentEffect = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() == null) return;
        derived.add(event.getObject());
        recordEffect(event.getObject());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        if (event.getRule() != null) recordEffect(event.getObject());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }

    private void recordEffect(Object fact) {
        if (tracing && current != null && fact instanceof TraceFact traceFact) {
            currentEffect = traceFact.effect();
        }
    }

    private void closeStep() {
        if (current != null) {
            trace.add(new TraceStep(trace.size() + 1, current, currentMatched, currentEffect));
            current = null;
        }
    }

    List<Object> derived() {
        return derived;
    }

    List<TraceStep> trace() {
        closeStep();
        return trace;
    }


    /** The profile values the rule tested and the derived facts it matched; engine internals are left out. */
    private static Map<String, Object> matched(RuleDescriptor rule, List<Object> objects) {
        Map<String, Object> matched = new LinkedHashMap<>();
        for (Object object : objects) {
            if (object instanceof Profile profile) {
                rule.profileTests().forEach((property, values) -> {
                    Object shown = shown(profile.valueOf(property), values);
                    if (!(shown instanceof List<?> list && list.isEmpty() && !values.isEmpty())) {
                        matched.put(Profile.SCHEMA_PATHS.get(property), shown);
                    }
                });
            } else if (object instanceof TraceFact fact) {
                String key = Character.toLowerCase(object.getClass().getSimpleName().charAt(0))
                        + object.getClass().getSimpleName().substring(1);
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) matched.computeIfAbsent(key, k -> new ArrayList<>());
                values.add(fact.values());
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
        return valuesTested.stream().filter(set::contains).toList();
    }

}
