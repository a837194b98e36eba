package io.stackadvisor.evaluation;

import io.stackadvisor.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.stackadvisor.ruleset.RulesetVersionId;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(BatchEvaluationResource.PATH)
@Tag(name = "Evaluations")
public class BatchEvaluationResource {
    static final String PATH = "/api/v1/evaluations/batch";

    private final EvaluationService service;
    private final int maxItems;

    public BatchEvaluationResource(EvaluationService service,
                                   @ConfigProperty(name = "stack-advisor.batch.max-items", defaultValue = "1000") int maxItems) {
        this.service = service;
        this.maxItems = maxItems;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateBatch", summary = "Evaluate many project profiles in one request",
            description = "The body is a JSON array of 1 to 1,000 profiles and at most 16 MB (the defaults of "
                    + "stack-advisor.batch.max-items and stack-advisor.batch.max-bytes). Each profile is validated and "
                    + "evaluated on its own, exactly as by POST /api/v1/evaluations, all on the ruleset live when the batch "
                    + "began, or on the stored version named by rulesetVersion. An invalid profile does not fail the batch: its item carries its problem (status 400, "
                    + "errors[].field a JSON pointer into that profile). The accepted evaluations are committed to the "
                    + "audit log in one transaction before the answer is sent; GET an item's location for its full "
                    + "document.")
    // The items (ProjectProfile) are set by BatchOpenApiFilter.
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, minItems = 1, maxItems = 1000, description = "Project profiles")))
    @APIResponse(responseCode = "200", description = "Every profile evaluated and recorded, or rejected; items in request order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON array, malformed, empty or over the item limit; "
            + "errors name the place by JSON pointer (\"\" for the body, \"/1000\" for the first item over the limit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the batch limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The audit log is unavailable or did not confirm the commit in "
            + "time; the batch's evaluations are committed together, all or none",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "RulesetVersionNotFound")
    public BatchResult evaluate(byte[] body,
                                @Parameter(description = "Evaluate on this stored ruleset version instead of the live one",
                                        schema = @Schema(ref = "RulesetVersion"))
                                @QueryParam("rulesetVersion") String rulesetVersion, @Context UriInfo uri) {
        String version = rulesetVersion == null ? null : RulesetVersionId.query("rulesetVersion", rulesetVersion);
        return service.evaluateBatch(body, maxItems, version,
                id -> uri.getBaseUriBuilder().path("api/v1/evaluations").path(id.toString()).build());
    }
}
