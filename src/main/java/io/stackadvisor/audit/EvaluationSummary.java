package io.stackadvisor.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit log. */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"id", "evaluatedAt", "name", "verdict", "confidence", "nodeScore", "pythonScore", "rulesetVersion"})
@Schema(description = "One line of the audit log",
        requiredProperties = {"id", "evaluatedAt", "name", "verdict", "confidence", "nodeScore", "pythonScore", "rulesetVersion"})
public record EvaluationSummary(UUID id, Instant evaluatedAt,
                                @Schema(nullable = true, description = "The profile's name, if it had one") String name,
                                @Schema(ref = "Verdict") String verdict, @Schema(ref = "Confidence") String confidence,
                                int nodeScore, int pythonScore, @Schema(ref = "RulesetVersion") String rulesetVersion) {
}
