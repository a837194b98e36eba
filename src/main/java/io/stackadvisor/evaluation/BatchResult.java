package io.stackadvisor.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.stackadvisor.audit.EvaluationRecord;
import io.stackadvisor.problem.Problem;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one item per profile, in the order they were sent. */
@JsonPropertyOrder({"items", "accepted", "rejected"})
@Schema(name = "EvaluationBatchResult", description = "One item per profile sent, in the same order")
public record BatchResult(
        @Schema(required = true) List<Item> items,
        @Schema(required = true, description = "Items evaluated and recorded (status 201)") int accepted,
        @Schema(required = true, description = "Items rejected (status 400)") int rejected) {

    /** One profile's outcome: evaluated and recorded (201), or rejected with its problem (400). */
    @JsonPropertyOrder({"index", "status", "id", "location", "verdict", "confidence", "scores", "rulesetVersion", "problem"})
    @Schema(name = "EvaluationBatchItem")
    public record Item(
            @Schema(required = true, description = "Position of the profile in the request array, from 0") int index,
            @Schema(required = true, description = "201: evaluated and recorded; 400: rejected, see problem") int status,
            @Schema(nullable = true, description = "The recorded evaluation; null when rejected") UUID id,
            @Schema(nullable = true, description = "Absolute URL of the recorded evaluation (GET gives the full document); "
                    + "null when rejected") URI location,
            @Schema(nullable = true, enumeration = {"NODEJS", "PYTHON", "HYBRID", "UNDETERMINED"},
                    description = "null when rejected") String verdict,
            @Schema(nullable = true, enumeration = {"high", "medium", "low", "none"},
                    description = "null when rejected") String confidence,
            @Schema(nullable = true, description = "null when rejected") EvaluationView.Scores scores,
            @Schema(nullable = true, description = "The ruleset version that decided; null when rejected") String rulesetVersion,
            @Schema(nullable = true, description = "Why the profile was rejected, with "
                    + "errors[].field a JSON pointer into this profile; null when accepted") Problem problem) {

        static Item accepted(int index, EvaluationRecord record, URI location) {
            return new Item(index, 201, record.id(), location, record.verdict(), record.confidence(),
                    new EvaluationView.Scores(record.nodeScore(), record.pythonScore()), record.rulesetVersion(), null);
        }

        static Item rejected(int index, Problem problem) {
            return new Item(index, problem.status(), null, null, null, null, null, null, problem);
        }
    }
}
