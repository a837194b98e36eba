package io.stackadvisor.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.stackadvisor.knowledge.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The evaluation as the API returns it and the audit log keeps it (README.md, "Try it" shows one). */
@JsonPropertyOrder({"id", "evaluatedAt", "rulesetVersion", "profile", "verdict", "confidence", "scores",
        "summary", "architecture", "flags", "advice", "trace", "explanation"})
public record EvaluationView(
        UUID id,
        Instant evaluatedAt,
        String rulesetVersion,
        JsonNode profile,
        String verdict,
        String confidence,
        Scores scores,
        String summary,
        @JsonInclude(JsonInclude.Include.ALWAYS) Architecture architecture,
        List<FlagView> flags,
        List<AdviceView> advice,
        List<TraceEntry> trace,
        @JsonInclude(JsonInclude.Include.NON_NULL) io.stackadvisor.explain.Explanation explanation) {

    /** The same evaluation with an explanation attached and its robustness added to the summary. */
    public EvaluationView explained(io.stackadvisor.explain.Explanation explanation) {
        return new EvaluationView(id, evaluatedAt, rulesetVersion, profile, verdict, confidence, scores,
                summary + " " + explanation.sensitivity(), architecture, flags, advice, trace, explanation);
    }

    public record Scores(int nodejs, int python) {
    }

    /** The answer to a POST with Prefer: return=minimal; GET on its Location gives the full document. */
    @JsonPropertyOrder({"id", "evaluatedAt", "rulesetVersion", "verdict", "confidence", "scores", "summary"})
    public record Minimal(UUID id, Instant evaluatedAt, String rulesetVersion, String verdict, String confidence,
                          Scores scores, String summary) {
    }

    public record Architecture(List<Component> components, List<String> communication) {
    }

    public record Component(String role, String runtime, List<String> responsibilities, List<String> frameworks) {
    }

    public record FlagView(String code, String title) {
    }

    public record AdviceView(String claim, String text) {
    }

    @JsonPropertyOrder({"step", "rule", "claim", "phase", "effect", "matched", "statement", "sources"})
    public record TraceEntry(
            int step,
            String rule,
            @JsonInclude(JsonInclude.Include.ALWAYS) String claim,
            String phase,
            Map<String, Object> effect,
            Map<String, Object> matched,
            String statement,
            List<Source> sources) {
    }
}
