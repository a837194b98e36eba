package io.stackadvisor.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * One profile's outcome: evaluated and recorded (201: id, location, verdict, confidence, scores,
     * rulesetVersion), or rejected with its problem (400: problem only). Members that do not apply are absent.
     */
    @JsonPropertyOrder({"index", "status", "id", "location", "verdict", "confidence", "scores", "rulesetVersion", "problem"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EvaluationBatchItem", description = "201: id, location, verdict, confidence, scores and rulesetVersion; "
            + "400: problem")
    public record Item(
            @Schema(required = true, description = "Position of the profile in the request array, from 0") int index,
            @Schema(required = true, description = "201: evaluated and recorded; 400: rejected, see problem") int status,
            @Schema(description = "The recorded evaluation") UUID id,
            @Schema(description = "Absolute URL of the recorded evaluation (GET gives the full document)") URI location,
            @Schema(ref = "Verdict") String verdict,
            @Schema(ref = "Confidence") String confidence,
            EvaluationView.Scores scores,
            @Schema(ref = "RulesetVersion") String rulesetVersion,
            @Schema(description = "Why the profile was rejected, with errors[].field a JSON pointer into this profile")
            Problem problem) {

        static Item accepted(int index, EvaluationRecord record, URI location) {
            return new Item(index, 201, record.id(), location, record.verdict(), record.confidence(),
                    new EvaluationView.Scores(record.nodeScore(), record.pythonScore()), record.rulesetVersion(), null);
        }

        static Item rejected(int index, Problem problem) {
            return new Item(index, problem.status(), null, null, null, null, null, null, problem);
        }
    }
}
