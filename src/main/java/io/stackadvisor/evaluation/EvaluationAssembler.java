package io.stackadvisor.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Flag;
import io.stackadvisor.evaluation.EvaluationView.AdviceView;
import io.stackadvisor.evaluation.EvaluationView.FlagView;
import io.stackadvisor.evaluation.EvaluationView.Scores;
import io.stackadvisor.evaluation.EvaluationView.TraceEntry;
import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.knowledge.ClaimCatalogue;
import io.stackadvisor.knowledge.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns what the rules concluded into the API's evaluation, with texts from the claim catalogue. */
final class EvaluationAssembler {
    private static final Map<String, String> SCOPE_FLAGS = Map.of(
            Flag.OUT_OF_SEED_SCOPE, "A sub-millisecond latency target is outside what the source articles cover",
            Flag.TIE_BROKEN_BY_TEAM, "The scores tied; the stack the team is strong in decided");

    private final ArchitectureAssembler architecture = new ArchitectureAssembler();
    private final SummaryWriter summary = new SummaryWriter();

    EvaluationView assemble(UUID id, Instant at, Ruleset ruleset, JsonNode profile, EngineResult r) {
        ClaimCatalogue catalogue = ruleset.catalogue();
        List<FlagView> flags = r.flags().stream()
                .map(f -> new FlagView(f.code(), catalogue.conflict(f.code()).map(Conflict::title)
                        .orElse(SCOPE_FLAGS.getOrDefault(f.code(), f.code()))))
                .toList();
        List<AdviceView> advice = r.advice().stream()
                .map(a -> new AdviceView(a.claim(), catalogue.claim(a.claim()).map(Claim::statement).orElse(a.claim())))
                .toList();
        List<TraceEntry> trace = r.trace().stream().map(step -> entry(step, catalogue)).toList();
        return new EvaluationView(id, at, ruleset.version(), profile, r.verdict().name(),
                r.confidence().name().toLowerCase(), new Scores(r.nodeScore(), r.pythonScore()),
                summary.write(r, catalogue), architecture.assemble(r, catalogue), flags, advice, trace, null);
    }

    private static TraceEntry entry(TraceStep step, ClaimCatalogue catalogue) {
        RuleDescriptor rule = step.rule();
        String claimId = rule.encodesClaim() ? rule.claim() : null;
        Claim claim = claimId == null ? null : catalogue.claim(claimId).orElse(null);
        String statement = claim != null ? claim.statement()
                : rule.conflict() != null ? catalogue.conflict(rule.conflict()).map(Conflict::title).orElse(null)
                : null;
        return new TraceEntry(step.step(), rule.name(), claimId, rule.phase().group(), step.effect(), step.matched(),
                statement, claim == null ? List.of() : claim.sources());
    }
}
