package io.stackadvisor.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log. */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"id", "evaluatedAt", "name", "verdict", "confidence", "nodeScore", "pythonScore", "rulesetVersion"})
public record EvaluationSummary(UUID id, Instant evaluatedAt, String name, String verdict, String confidence,
                                int nodeScore, int pythonScore, String rulesetVersion) {
}
