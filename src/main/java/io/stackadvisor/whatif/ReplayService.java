package io.stackadvisor.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.audit.RecordedOutcome;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProfileReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Re-runs recorded profiles against a ruleset (the live one, or a candidate) and compares. */
@ApplicationScoped
public class ReplayService {
    private final EvaluationStore store;
    private final ProfileReader reader;
    private final ObjectMapper json;
    private final DecisionEngine engine = new DecisionEngine();

    public ReplayService(EvaluationStore store, ProfileReader reader, ObjectMapper json) {
        this.store = store;
        this.reader = reader;
        this.json = json;
    }

    public Optional<Replay> replay(UUID id, Ruleset ruleset) {
        return store.outcome(id).map(recorded -> replay(id, recorded, ruleset));
    }

    Replay replay(UUID id, RecordedOutcome recorded, Ruleset ruleset) {
        EngineResult result;
        try {
            result = engine.evaluate(ruleset, new Profile(reader.validate(json.readTree(recorded.profile())).profile()), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded profile is not JSON", e);
        }
        Set<String> after = new LinkedHashSet<>();
        for (TraceStep step : result.trace()) if (step.rule().encodesClaim()) after.add(step.rule().claim());
        Replay.Outcome old = new Replay.Outcome(recorded.rulesetVersion(), recorded.verdict(), recorded.confidence(),
                recorded.nodejs(), recorded.python());
        Replay.Outcome now = new Replay.Outcome(ruleset.version(), result.verdict().name(),
                result.confidence().name().toLowerCase(), result.nodeScore(), result.pythonScore());
        List<String> added = after.stream().filter(c -> !recorded.claims().contains(c)).sorted().toList();
        List<String> removed = recorded.claims().stream().filter(c -> !after.contains(c)).sorted().toList();
        return new Replay(id, old, now, !old.verdict().equals(now.verdict()), added, removed);
    }
}
