package io.stackadvisor.explain;

import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.problem.Problem;
import io.stackadvisor.problem.FieldError;
import io.stackadvisor.problem.InvalidRequestException;
import io.stackadvisor.ruleset.RulesetService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluations/{id}/explanation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Explanations", description = "Why not, and what would change the verdict")
public class ExplanationResource {
    private final EvaluationStore store;
    private final ExplanationService explanations;
    private final RulesetService rulesets;
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    public ExplanationResource(EvaluationStore store, ExplanationService explanations, RulesetService rulesets) {
        this.store = store;
        this.explanations = explanations;
        this.rulesets = rulesets;
    }

    @GET
    @Operation(summary = "Why claims did not fire, and the smallest profile edits that reach each other verdict",
            description = "Computed for the recorded profile against the live ruleset (its version is in the answer). "
                    + "whyNot: every claim rule that did not fire, with the failed part of its condition and the profile value. "
                    + "toReach: per other verdict, up to 3 closest edits (one field, else two). askFirst: for UNDETERMINED "
                    + "or low-confidence verdicts, unknown fields whose answer would settle it. cost: variations run and time.")
    public Response explain(@PathParam("id") String id) throws com.fasterxml.jackson.core.JsonProcessingException {
        UUID uuid = io.stackadvisor.audit.EvaluationId.require(id);
        var document = store.document(uuid);
        if (document.isEmpty()) {
            return Problem.of(Response.Status.NOT_FOUND, "evaluation-not-found", "Evaluation not found",
                    "No evaluation has the id " + uuid + ".").toResponse();
        }
        return Response.ok(explanations.explain(rulesets.current(), json.readTree(document.get()).get("profile"))).build();
    }
}
