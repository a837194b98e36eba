package io.stackadvisor.ruleset;

import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.stackadvisor.problem.InvalidParameterException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ruleset")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ruleset", description = "The live ruleset and its safe reload")
public class RulesetResource {
    private final RulesetService rulesets;
    private final AdminGuard admin;

    public RulesetResource(RulesetService rulesets, AdminGuard admin) {
        this.rulesets = rulesets;
        this.admin = admin;
    }

    @Schema(name = "Ruleset", requiredProperties = {"version", "loadedAt", "rules", "files", "lastReload"})
    public record RulesetView(@Schema(ref = "RulesetVersion") String version, Instant loadedAt, int rules, List<String> files,
                              ReloadOutcome lastReload) {
    }

    @GET
    @Operation(operationId = "getRuleset",
            summary = "The live ruleset: version (content hash of rules/), load time, files, last reload attempt")
    @APIResponse(responseCode = "200", description = "The live ruleset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulesetView.class)))
    public RulesetView live() {
        Ruleset ruleset = rulesets.current();
        return new RulesetView(ruleset.version(), ruleset.loadedAt(), ruleset.rules().size(), ruleset.files(),
                rulesets.lastAttempt());
    }

    @POST
    @Path("/reload")
    @Operation(operationId = "reloadRuleset", summary = "Re-read rules/ and swap it in atomically if it compiles, lints clean and passes every scenario",
            description = "Needs 'Authorization: Bearer <admin token>'. A version that passes is stored and becomes the live "
                    + "version of every instance (the others follow within seconds); with promote=false it is only stored, "
                    + "as a candidate (result STORED). A rejected candidate leaves the live ruleset serving; "
                    + "the answer is then a 422 problem listing problems (file:line) and failing scenarios.")
    @SecurityRequirement(name = "adminToken")
    @APIResponse(responseCode = "200", description = "Applied, unchanged (the folder is the live version), or stored as a candidate (promote=false)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReloadOutcome.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "422", ref = "RulesetRejected")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ReloadOutcome reload(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @Parameter(description = "false: store the version as a candidate, do not make it live",
                                        schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
                                @QueryParam("promote") String promote) {
        admin.check(authorization);
        boolean live = promote == null || InvalidParameterException.flag("promote", promote);
        ReloadOutcome outcome = rulesets.reload("api", live);
        if (outcome.rejected()) {
            throw Problem.of(422, "ruleset-rejected", "Ruleset rejected",
                    "The candidate did not pass its checks; " + outcome.liveVersion() + " is still serving.")
                    .with("reload", outcome).toException();
        }
        return outcome;
    }
}
