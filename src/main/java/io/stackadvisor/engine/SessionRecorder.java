package io.stackadvisor.engine;

import io.stackadvisor.engine.facts.TraceFact;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Listens to one session: keeps every derived fact in insertion order and, passed to
 * {@code fireAllRules} as the agenda filter when tracing, notes each match just before it fires (it
 * accepts them all). The filter costs far less than an agenda listener, which makes Drools create
 * events for every match created, cancelled and fired. Each step keeps the rule (from the rules' own
 * metadata), the matched objects and what it derived; the trace's maps are built after firing.
 */
final class SessionRecorder implements AgendaFilter, RuleRuntimeEventListener {
    private final Ruleset ruleset;
    private final List<Object> derived = new ArrayList<>();
    private final List<TraceStep> trace = new ArrayList<>();
    private Firing current;

    SessionRecorder(Ruleset ruleset) {
        this.ruleset = ruleset;
    }

    @Override
    public boolean accept(Match match) {
        current = new Firing(ruleset.sessions().traced(match.getRule(), ruleset::rule), match.getObjects());
        trace.add(new TraceStep(trace.size() + 1, current));
        return true;
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
        if (current != null && fact instanceof TraceFact traceFact) current.derived(traceFact);
    }

    List<Object> derived() {
        return derived;
    }

    List<TraceStep> trace() {
        return trace;
    }
}
