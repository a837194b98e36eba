package io.stackadvisor.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.stackadvisor.audit.EvaluationRecord;
import io.stackadvisor.audit.EvaluationRecord.Step;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.RulesetTexts;
import io.stackadvisor.engine.facts.Flag;
import io.stackadvisor.evaluation.EvaluationView.AdviceView;
import io.stackadvisor.evaluation.EvaluationView.FlagView;
import io.stackadvisor.evaluation.EvaluationView.Scores;
import io.stackadvisor.evaluation.EvaluationView.TraceEntry;
import io.stackadvisor.explain.Explanation;
import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.knowledge.ClaimCatalogue;
import io.stackadvisor.knowledge.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one render function: a record plus the texts of the ruleset version that decided it give the
 * evaluation document. POST answers with it and GET serves it, so both give the same bytes; the
 * texts are the version's own, so a later change of a statement or quote never rewrites old answers.
 */
@ApplicationScoped
public class EvaluationRenderer {
    private static final Map<String, String> SCOPE_FLAGS = Map.of(
            Flag.OUT_OF_SEED_SCOPE, "A sub-millisecond latency target is outside what the source articles cover",
            Flag.TIE_BROKEN_BY_TEAM, "The scores tied; the stack the team is strong in decided");

    private final ObjectMapper json;
    private final ObjectReader profiles;
    private final SummaryWriter summary = new SummaryWriter();
    private final ArchitectureAssembler architecture = new ArchitectureAssembler();

    public EvaluationRenderer(ObjectMapper json) {
        this.json = json;
        this.profiles = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The full document as UTF-8 JSON. */
    public byte[] full(EvaluationView view) {
        return write(view);
    }

    /** The minimal answer (Prefer: return=minimal): a part of the same document. */
    public byte[] minimal(EvaluationView view) {
        return write(new EvaluationView.Minimal(view.id(), view.evaluatedAt(), view.rulesetVersion(), view.verdict(),
                view.confidence(), view.scores(), view.summary()));
    }

    private byte[] write(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an evaluation", e);
        }
    }

    /** The document of a record; {@code explanation} is given exactly when the record was explained. */
    public EvaluationView view(EvaluationRecord record, RulesetTexts texts, Explanation explanation) {
        ClaimCatalogue catalogue = texts.catalogue();
        DecisionReading reading = DecisionReading.of(record, texts);
        List<FlagView> flags = record.flags().stream()
                .map(code -> new FlagView(code, catalogue.conflict(code).map(Conflict::title)
                        .orElse(SCOPE_FLAGS.getOrDefault(code, code))))
                .toList();
        List<AdviceView> advice = record.advice().stream()
                .map(id -> new AdviceView(id, catalogue.claim(id).map(Claim::statement).orElse(id)))
                .toList();
        List<TraceEntry> trace = new ArrayList<>(record.steps().size());
        for (Step step : record.steps()) trace.add(entry(trace.size() + 1, step, texts));
        EvaluationView view = new EvaluationView(record.id(), record.evaluatedAt(), record.rulesetVersion(),
                profile(record.profile()), record.verdict(), record.confidence(),
                new Scores(record.nodeScore(), record.pythonScore()), summary.write(reading, catalogue),
                architecture.assemble(reading, catalogue), flags, advice, trace, null);
        return explanation == null ? view : view.explained(explanation);
    }

    private JsonNode profile(String profile) {
        try {
            return profiles.readTree(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded profile is not JSON", e);
        }
    }

    private static TraceEntry entry(int number, Step step, RulesetTexts texts) {
        RuleDescriptor rule = texts.rule(step.rule());
        if (rule == null) {
            throw new IllegalStateException("rule \"" + step.rule() + "\" is not in ruleset " + texts.version());
        }
        ClaimCatalogue catalogue = texts.catalogue();
        String claimId = rule.encodesClaim() ? rule.claim() : null;
        Claim claim = claimId == null ? null : catalogue.claim(claimId).orElse(null);
        String statement = claim != null ? claim.statement()
                : rule.conflict() != null ? catalogue.conflict(rule.conflict()).map(Conflict::title).orElse(null)
                : null;
        return new TraceEntry(number, rule.name(), claimId, rule.phase().group(), step.effect(), step.matched(),
                statement, claim == null ? List.of() : claim.sources());
    }
}
