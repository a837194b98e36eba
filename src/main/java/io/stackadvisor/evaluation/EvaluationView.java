package io.stackadvisor.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.stackadvisor.knowledge.Source;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The evaluation as the API returns it and the audit log keeps it (README.md, "Try it" shows one). */
@JsonPropertyOrder({"id", "evaluatedAt", "rulesetVersion", "profile", "verdict", "confidence", "scores",
        "summary", "architecture", "flags", "advice", "trace", "explanation"})
@Schema(name = "Evaluation", description = "One evaluated profile: verdict, confidence, scores, the hybrid architecture and "
        + "the rule trace. The full representation (every GET, and a POST without 'Prefer: return=minimal') always has "
        + "profile, architecture (null unless HYBRID), flags, advice and trace; the minimal one has only the required members.",
        requiredProperties = {"id", "evaluatedAt", "rulesetVersion", "verdict", "confidence", "scores", "summary"})
public record EvaluationView(
        @Schema(description = "The audit record's id") UUID id,
        @Schema(description = "When it was evaluated (UTC)") Instant evaluatedAt,
        @Schema(ref = "RulesetVersion") String rulesetVersion,
        @Schema(ref = "ProjectProfile") JsonNode profile,
        @Schema(ref = "Verdict") String verdict,
        @Schema(ref = "Confidence") String confidence,
        Scores scores,
        @Schema(description = "Plain-language reasons a product manager can read") String summary,
        @JsonInclude(JsonInclude.Include.ALWAYS) Architecture architecture,
        List<FlagView> flags,
        List<AdviceView> advice,
        @Schema(description = "Every rule that fired, in firing order") List<TraceEntry> trace,
        @Schema(description = "Present when asked for with explain=true")
        @JsonInclude(JsonInclude.Include.NON_NULL) io.stackadvisor.explain.Explanation explanation) {

    /** The same evaluation with an explanation attached and its robustness added to the summary. */
    public EvaluationView explained(io.stackadvisor.explain.Explanation explanation) {
        return new EvaluationView(id, evaluatedAt, rulesetVersion, profile, verdict, confidence, scores,
                summary + " " + explanation.sensitivity(), architecture, flags, advice, trace, explanation);
    }

    @Schema(requiredProperties = {"nodejs", "python"})
    public record Scores(int nodejs, int python) {
    }

    /**
     * The answer to a POST with Prefer: return=minimal; GET on its Location gives the full document. Published
     * as the Evaluation schema's required members, so a client has one type for both representations.
     */
    @JsonPropertyOrder({"id", "evaluatedAt", "rulesetVersion", "verdict", "confidence", "scores", "summary"})
    public record Minimal(UUID id, Instant evaluatedAt, String rulesetVersion, String verdict, String confidence,
                          Scores scores, String summary) {
    }

    /** Nullable as a type: OpenAPI 3.0 cannot make one use of a referenced schema nullable. */
    @Schema(nullable = true, description = "Which runtime owns which part; present for HYBRID, null otherwise",
            requiredProperties = {"components", "communication"})
    public record Architecture(List<Component> components, List<String> communication) {
    }

    @Schema(requiredProperties = {"role", "runtime", "responsibilities", "frameworks"})
    public record Component(String role, @Schema(enumeration = {"NODEJS", "PYTHON"}) String runtime,
                            List<String> responsibilities, List<String> frameworks) {
    }

    @Schema(name = "Flag", requiredProperties = {"code", "title"})
    public record FlagView(String code, String title) {
    }

    @Schema(name = "Advice", requiredProperties = {"claim", "text"})
    public record AdviceView(String claim, String text) {
    }

    @JsonPropertyOrder({"step", "rule", "claim", "phase", "effect", "matched", "statement", "sources"})
    @Schema(requiredProperties = {"step", "rule", "claim", "phase"})
    public record TraceEntry(
            @Schema(minimum = "1") int step,
            @Schema(description = "The DRL rule name") @JsonSerialize(using = PreEncodedText.Text.class) String rule,
            @Schema(nullable = true, description = "The claim the rule encodes; null for pure mechanics")
            @JsonInclude(JsonInclude.Include.ALWAYS) String claim,
            @Schema(enumeration = {"evidence", "adjustment", "scoring", "totals", "hybrid", "verdict", "advice", "flags",
                    "confidence"}) String phase,
            @Schema(nullable = true, type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                    description = "What the rule contributed, if anything") Map<String, Object> effect,
            @Schema(nullable = true, type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                    description = "The profile values that made it fire") Map<String, Object> matched,
            @Schema(nullable = true, description = "The claim as a reason people can read")
            @JsonSerialize(using = PreEncodedText.Text.class) String statement,
            @Schema(nullable = true) @JsonSerialize(using = PreEncodedText.Sources.class) List<Source> sources) {
    }
}
