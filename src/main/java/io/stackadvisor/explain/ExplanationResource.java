package io.stackadvisor.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.audit.EvaluationId;
import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.ruleset.RulesetService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluations/{id}/explanation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Explanations", description = "Why not, and what would change the verdict")
public class ExplanationResource {
    private final EvaluationStore store;
    private final ExplanationService explanations;
    private final RulesetService rulesets;
    private final ObjectMapper json;

    public ExplanationResource(EvaluationStore store, ExplanationService explanations, RulesetService rulesets, ObjectMapper json) {
        this.store = store;
        this.explanations = explanations;
        this.rulesets = rulesets;
        this.json = json;
    }

    @GET
    @Operation(operationId = "explainEvaluation", summary = "Why claims did not fire, and the smallest profile edits that reach each other verdict",
            description = "Computed for the recorded profile against the live ruleset (its version is in the answer). "
                    + "whyNot: every claim rule that did not fire, with the failed part of its condition and the profile value. "
                    + "toReach: per other verdict, up to 3 closest edits (one field, else two). askFirst: for UNDETERMINED "
                    + "or low-confidence verdicts, unknown fields whose answer would settle it. cost: variations run and time.")
    @APIResponse(responseCode = "200", description = "The explanation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Explanation.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "404", ref = "EvaluationNotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Explanation explain(@Parameter(description = "The evaluation's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                               @PathParam("id") String id) throws JsonProcessingException {
        UUID uuid = EvaluationId.require(id);
        String profile = store.outcome(uuid).orElseThrow(() -> EvaluationId.notFound(uuid)).profile();
        return explanations.explain(rulesets.current(), json.readTree(profile));
    }
}
