package io.stackadvisor.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Why claims did not fire, and what would change the verdict (issue: explanations beyond the trace). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(
        String rulesetVersion,
        String verdict,
        String confidence,
        String sensitivity,
        List<AskFor> askFirst,
        Map<String, List<Alternative>> toReach,
        List<NotFired> whyNot,
        Cost cost) {

    /** A claim rule that did not fire: the part of its condition that failed and what the profile holds. */
    public record NotFired(String claim, String rule, String statement, String needs, String given, String text) {
    }

    /** One edit to the profile; {@code to} null means "leave unknown". */
    public record Change(String field, Object from, Object to, String words) {
    }

    /** A variation of the profile and what the rules conclude for it. */
    public record Alternative(List<Change> changes, String verdict, String confidence, int nodejs, int python,
                              List<String> claimsGained, List<String> claimsLost) {
    }

    /** An unknown field whose answer would settle the verdict or raise its confidence. */
    public record AskFor(String field, String question, List<Alternative> examples) {
    }

    /** How much the explanation tried: a count, never a time, so the same profile explains the same way. */
    public record Cost(int variationsEvaluated) {
    }
}
