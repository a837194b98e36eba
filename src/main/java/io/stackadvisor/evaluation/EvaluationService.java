package io.stackadvisor.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.audit.EvaluationRecord;
import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.explain.ExplanationService;
import io.stackadvisor.ops.DecisionMetrics;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.profile.ValidatedProfile;
import io.stackadvisor.ruleset.RuleFiringStats;
import io.stackadvisor.ruleset.RulesetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Validates, evaluates, records, and only then answers. */
@ApplicationScoped
public class EvaluationService {
    private final RulesetService rulesets;
    private final EvaluationStore store;
    private final RuleFiringStats stats;
    private final ExplanationService explanations;
    private final DecisionMetrics metrics;
    private final ProfileReader reader;
    private final ObjectMapper json;
    private final DecisionEngine engine = new DecisionEngine();
    private final EvaluationAssembler assembler = new EvaluationAssembler();
    private final Clock clock = Clock.systemUTC();

    public EvaluationService(RulesetService rulesets, EvaluationStore store, RuleFiringStats stats,
                             ExplanationService explanations, DecisionMetrics metrics, ProfileReader reader, ObjectMapper json) {
        this.reader = reader;
        this.json = json;
        this.rulesets = rulesets;
        this.store = store;
        this.stats = stats;
        this.explanations = explanations;
        this.metrics = metrics;
    }

    /** Evaluates a request body; returns the recorded evaluation's id and its JSON document. */
    public Recorded evaluate(byte[] body) {
        return evaluate(body, false);
    }

    /** With {@code explain}, the answer also carries why-not and what-would-change, and the summary its robustness. */
    public Recorded evaluate(byte[] body, boolean explain) {
        ValidatedProfile profile = reader.read(body);
        Ruleset ruleset = rulesets.current();
        long started = System.nanoTime();
        EngineResult result = engine.evaluate(ruleset, new Profile(profile.profile()), true);
        metrics.evaluated(result, java.time.Duration.ofNanos(System.nanoTime() - started));
        EvaluationView view = assembler.assemble(UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                ruleset, profile.json(), result);
        if (explain) view = view.explained(explanations.explain(ruleset, profile, result));
        byte[] document = write(view);
        store.save(new EvaluationRecord(view.id(), view.evaluatedAt(), view.rulesetVersion(), view.verdict(),
                view.confidence(), result.nodeScore(), result.pythonScore(), profile.profile().name(),
                claimsFired(result), document));
        stats.record(result, view.evaluatedAt());
        return new Recorded(view.id(), document);
    }

    /** The recorded evaluation: its id and its JSON document as UTF-8, exactly as stored. */
    public record Recorded(UUID id, byte[] document) {
    }

    private static Set<String> claimsFired(EngineResult result) {
        Set<String> claims = new LinkedHashSet<>();
        for (TraceStep step : result.trace()) {
            if (step.rule().encodesClaim()) claims.add(step.rule().claim());
        }
        return claims;
    }

    private byte[] write(EvaluationView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise evaluation " + view.id(), e);
        }
    }
}
