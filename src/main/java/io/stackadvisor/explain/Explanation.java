package io.stackadvisor.explain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Why claims did not fire, and what would change the verdict (issue: explanations beyond the trace). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(
        @Schema(ref = "RulesetVersion") String rulesetVersion,
        @Schema(ref = "Verdict") String verdict,
        @Schema(ref = "Confidence") String confidence,
        String sensitivity,
        List<AskFor> askFirst,
        @Schema(description = "Per other verdict, up to 3 closest edits") Map<String, List<Alternative>> toReach,
        List<NotFired> whyNot,
        Cost cost) {

    /** A claim rule that did not fire: the part of its condition that failed and what the profile holds. */
    public record NotFired(String claim, String rule, String statement, String needs, String given, String text) {
    }

    /** One edit to the profile; no {@code to} means "leave unknown". */
    @Schema(requiredProperties = {"field", "words"})
    public record Change(@Schema(description = "The profile field, as a dotted path (team.python)") String field,
                         @Schema(description = "The value now, typed as the profile types it; absent: unknown")
                         @JsonInclude(JsonInclude.Include.NON_NULL) Object from,
                         @Schema(description = "The suggested value, typed as the profile types it (send it as is); "
                                 + "absent: leave the field unknown")
                         @JsonInclude(JsonInclude.Include.NON_NULL) Object to,
                         String words) {
    }

    /** A variation of the profile and what the rules conclude for it. */
    public record Alternative(List<Change> changes, @Schema(ref = "Verdict") String verdict,
                              @Schema(ref = "Confidence") String confidence, int nodejs, int python,
                              List<String> claimsGained, List<String> claimsLost) {
    }

    /** An unknown field whose answer would settle the verdict or raise its confidence. */
    public record AskFor(String field, String question, List<Alternative> examples) {
    }

    /** How much the explanation tried: a count, never a time, so the same profile explains the same way. */
    public record Cost(int variationsEvaluated) {
    }
}
