package io.stackadvisor.whatif;

import io.stackadvisor.ruleset.AdminGuard;
import io.stackadvisor.ruleset.RulesetVersionId;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rulesets/{version}/shadow")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shadow", description = "Champion/challenger: run live traffic also on a stored candidate, off the request path, "
        + "and see how often it agrees with the live version")
public class ShadowResource {
    private final ShadowService shadows;
    private final AdminGuard admin;

    public ShadowResource(ShadowService shadows, AdminGuard admin) {
        this.shadows = shadows;
        this.admin = admin;
    }

    @POST
    @Operation(operationId = "startShadow", summary = "Shadow a stored candidate on live traffic",
            description = "Needs 'Authorization: Bearer <admin token>'. From now on every live evaluation is also evaluated on "
                    + "this version, after the answer is recorded, on a small bounded executor of each instance: when it is "
                    + "full the sample is dropped and counted, the caller is never delayed, and answers never change. Every "
                    + "instance on the database shadows it (within stack-advisor.shadow.refresh-interval). One shadow at a "
                    + "time: starting one stops another. Starting it again continues its counts.")
    @SecurityRequirement(name = "adminToken")
    @APIResponse(responseCode = "200", description = "The shadow, running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShadowReport.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "RulesetVersionNotFound")
    @APIResponse(responseCode = "409", ref = "ShadowOfLiveVersion")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ShadowReport start(@Parameter(description = "The candidate version", schema = @Schema(ref = "RulesetVersion"))
                              @PathParam("version") String version,
                              @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        return shadows.start(RulesetVersionId.path("version", version));
    }

    @GET
    @Operation(operationId = "getShadow", summary = "A shadow's agreement with the live version, flips and claim shifts",
            description = "The counts every instance added (eventually consistent: each instance adds its counts about every "
                    + "second). Flips are live verdict → candidate verdict with up to 3 example profiles; claims fired on "
                    + "the candidate only (more) or on the live version only (fewer).")
    @APIResponse(responseCode = "200", description = "The shadow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShadowReport.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "404", ref = "ShadowNotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ShadowReport get(@Parameter(description = "The candidate version", schema = @Schema(ref = "RulesetVersion"))
                            @PathParam("version") String version) {
        return shadows.report(RulesetVersionId.path("version", version));
    }

    @DELETE
    @Operation(operationId = "stopShadow", summary = "Stop shadowing a candidate (its counts stay)",
            description = "Needs 'Authorization: Bearer <admin token>'. Every instance stops within "
                    + "stack-advisor.shadow.refresh-interval. Stopping a stopped shadow changes nothing.")
    @SecurityRequirement(name = "adminToken")
    @APIResponse(responseCode = "200", description = "The shadow, stopped",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShadowReport.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "ShadowNotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ShadowReport stop(@Parameter(description = "The candidate version", schema = @Schema(ref = "RulesetVersion"))
                             @PathParam("version") String version,
                             @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        return shadows.stop(RulesetVersionId.path("version", version));
    }
}
