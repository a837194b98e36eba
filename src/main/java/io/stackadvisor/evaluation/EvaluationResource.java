package io.stackadvisor.evaluation;

import io.stackadvisor.audit.EvaluationId;
import io.stackadvisor.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluations")
@Tag(name = "Evaluations", description = "Evaluate a project profile and read the audit log")
public class EvaluationResource {
    private final EvaluationService service;

    public EvaluationResource(EvaluationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate a project profile",
            description = "Runs the profile through the rules, records the evaluation in the audit log and returns it. "
                    + "Every profile field is optional; an absent field is unknown and never defaulted. With explain=true "
                    + "the answer also holds 'explanation' (why-not, what would change the verdict, what to tell us first) "
                    + "and the summary says how robust the verdict is.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ProjectProfile")))
    @APIResponse(responseCode = "201", description = "Evaluated and recorded; Location is the audit record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", description = "Not a valid profile; errors name each field by JSON pointer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response evaluate(byte[] body, @jakarta.ws.rs.QueryParam("explain") boolean explain,
                             @HeaderParam("Prefer") String prefer, @jakarta.ws.rs.core.Context UriInfo uri) {
        boolean minimal = Preferences.returnMinimal(prefer);
        EvaluationService.Recorded recorded = service.evaluate(body, explain, minimal);
        Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder().path(recorded.id().toString()).build())
                .entity(recorded.document()).type(MediaType.APPLICATION_JSON);
        if (minimal) created.header("Preference-Applied", "return=minimal");
        return created.build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One recorded evaluation, exactly as it was returned")
    @APIResponse(responseCode = "200", description = "The recorded evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "404", description = "No evaluation with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response find(@PathParam("id") String id) {
        UUID uuid = EvaluationId.require(id);
        EvaluationService.Read read = service.read(uuid).orElseThrow(() -> EvaluationId.notFound(uuid));
        Response.ResponseBuilder ok = Response.ok(read.document(), MediaType.APPLICATION_JSON);
        // RFC 9530: the digest of the document as first answered, so an auditor can verify this one.
        if (read.digest() != null) ok.header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(read.digest()) + ":");
        return ok.build();
    }

}
