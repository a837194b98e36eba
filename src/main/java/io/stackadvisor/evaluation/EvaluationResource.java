package io.stackadvisor.evaluation;

import io.stackadvisor.audit.EvaluationId;
import io.stackadvisor.problem.InvalidParameterException;
import io.stackadvisor.ruleset.RulesetVersionId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    @Operation(operationId = "evaluate", summary = "Evaluate a project profile",
            description = "Runs the profile through the rules, records the evaluation in the audit log and returns it. "
                    + "Every profile field is optional; an absent field is unknown and never defaulted. With explain=true "
                    + "the answer also holds 'explanation' (why-not, what would change the verdict, what to tell us first) "
                    + "and the summary says how robust the verdict is. With 'Prefer: return=minimal' the answer has only "
                    + "the Evaluation's required members; GET on its Location gives the full document. With "
                    + "rulesetVersion the profile is evaluated on that stored version instead of the live one (the answer "
                    + "and the record name it).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ProjectProfile"), examples = @ExampleObject(name = "chat", ref = "ChatProfile")))
    @APIResponse(responseCode = "201", description = "Evaluated and recorded; Location is the audit record",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "Preference-Applied", ref = "Preference-Applied")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class),
                    examples = @ExampleObject(name = "minimal", ref = "ChatMinimal")))
    @APIResponse(responseCode = "400", ref = "InvalidProfile")
    @APIResponse(responseCode = "404", ref = "RulesetVersionNotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response evaluate(byte[] body,
                             @Parameter(description = "Also explain: why not, what would change the verdict",
                                     schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                             @QueryParam("explain") String explain,
                             @Parameter(description = "return=minimal for the small answer (RFC 7240)",
                                     schema = @Schema(type = SchemaType.STRING, example = "return=minimal"))
                             @HeaderParam("Prefer") String prefer,
                             @Parameter(description = "Evaluate on this stored ruleset version (GET /api/v1/rulesets), not the live one",
                                     schema = @Schema(ref = "RulesetVersion"))
                             @QueryParam("rulesetVersion") String rulesetVersion, @Context UriInfo uri) {
        boolean explained = InvalidParameterException.flag("explain", explain);
        boolean minimal = Preferences.returnMinimal(prefer);
        String version = rulesetVersion == null ? null : RulesetVersionId.query("rulesetVersion", rulesetVersion);
        EvaluationService.Recorded recorded = service.evaluate(body, explained, minimal, version);
        Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder().path(recorded.id().toString()).build())
                .entity(recorded.document()).type(MediaType.APPLICATION_JSON);
        if (minimal) created.header("Preference-Applied", "return=minimal");
        return created.build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEvaluation", summary = "One recorded evaluation, exactly as it was returned",
            description = "The full document, byte for byte what a full POST answered (with the texts of the ruleset "
                    + "version that decided it). Repr-Digest carries the SHA-256 of the document as first answered.")
    @APIResponse(responseCode = "200", description = "The recorded evaluation",
            headers = @Header(name = "Repr-Digest", ref = "Repr-Digest"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "404", ref = "EvaluationNotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response find(@Parameter(description = "The evaluation's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                         @PathParam("id") String id) {
        UUID uuid = EvaluationId.require(id);
        EvaluationService.Read read = service.read(uuid).orElseThrow(() -> EvaluationId.notFound(uuid));
        Response.ResponseBuilder ok = Response.ok(read.document(), MediaType.APPLICATION_JSON);
        // RFC 9530: the digest of the document as first answered, so an auditor can verify this one.
        if (read.digest() != null) ok.header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(read.digest()) + ":");
        return ok.build();
    }
}
