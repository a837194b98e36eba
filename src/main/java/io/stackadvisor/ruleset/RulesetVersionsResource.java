package io.stackadvisor.ruleset;

import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ruleset versions", description = "Stored ruleset versions: upload a candidate, promote one for the whole fleet, "
        + "roll back, compare two")
public class RulesetVersionsResource {
    static final String ZIP = "application/zip";
    static final String GZIP = "application/gzip";
    static final String X_GZIP = "application/x-gzip";

    private final StoredVersionsReport report;
    private final RulesetService rulesets;
    private final AdminGuard admin;

    public RulesetVersionsResource(StoredVersionsReport report, RulesetService rulesets, AdminGuard admin) {
        this.report = report;
        this.rulesets = rulesets;
        this.admin = admin;
    }

    @GET
    @Operation(operationId = "listRulesetVersions", summary = "Stored ruleset versions, newest first",
            description = "Every version that passed its gate: when it was stored, its status (live for the fleet, "
                    + "previous: live before, candidate: never live) and its gate report.")
    @APIResponse(responseCode = "200", description = "The stored versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StoredVersionsReport.VersionView.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public List<StoredVersionsReport.VersionView> list() {
        return report.list();
    }

    @POST
    @Consumes({ZIP, GZIP, X_GZIP})
    @Operation(operationId = "uploadRulesetVersion", summary = "Upload a rules folder (.zip or .tar.gz) as a candidate",
            description = "Needs 'Authorization: Bearer <admin token>'. The archive holds the rules folder's files (at its top, "
                    + "or below one top folder). It passes the full gate (compile, lint, every scenario, coverage) and is "
                    + "stored as a candidate, not live: promote it to make it live on every instance. A folder that does not "
                    + "pass is a 422 listing its problems (file:line) and failing scenarios; nothing is stored.")
    @SecurityRequirement(name = "adminToken")
    @RequestBody(required = true, content = {
            @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = X_GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored as a candidate; Location is the version",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredVersionsReport.VersionView.class)))
    @APIResponse(responseCode = "200", description = "This version was stored already; nothing changed",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredVersionsReport.VersionView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "RulesetRejected")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response upload(byte[] body, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @Context UriInfo uri) {
        admin.check(authorization);
        boolean gzip = body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        RulesFiles files;
        try {
            files = RulesFiles.uploaded(body, gzip);
        } catch (RulesetException e) {
            throw rejected("The archive cannot be read as a rules folder; nothing was stored.", e.problems(), List.of());
        }
        boolean storedBefore = rulesets.isStored(files.version());
        if (!storedBefore) {
            RulesetGate.Verdict verdict = rulesets.upload(files);
            if (!verdict.passed()) {
                throw rejected("The rules folder did not pass its checks; nothing was stored.", verdict.problems(),
                        verdict.failedScenarios());
            }
        }
        StoredVersionsReport.VersionView view = report.one(files.version());
        return Response.status(storedBefore ? 200 : 201).location(uri.getAbsolutePathBuilder().path(files.version()).build())
                .entity(view).type(MediaType.APPLICATION_JSON).build();
    }

    private static RuntimeException rejected(String detail, List<?> problems, List<?> failedScenarios) {
        return Problem.of(422, "ruleset-rejected", "Ruleset rejected", detail)
                .with("problems", problems).with("failedScenarios", failedScenarios).toException();
    }

    @GET
    @Path("/{version}")
    @Operation(operationId = "getRulesetVersion", summary = "One stored version with its status, gate report, files and rules")
    @APIResponse(responseCode = "200", description = "The stored version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredVersionsReport.DetailView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "404", ref = "RulesetVersionNotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public StoredVersionsReport.DetailView one(@Parameter(description = "The version", schema = @Schema(ref = "RulesetVersion"))
                                               @PathParam("version") String version) {
        return report.detail(RulesetVersionId.path("version", version));
    }

    @POST
    @Path("/{version}/promote")
    @Operation(operationId = "promoteRulesetVersion", summary = "Make a stored version live on every instance",
            description = "Needs 'Authorization: Bearer <admin token>'. Moves the fleet's live pointer; this instance switches "
                    + "at once, the others within seconds (stack-advisor.rules.follow-interval). Rollback is promoting an "
                    + "older version. Promoting the live version changes nothing.")
    @SecurityRequirement(name = "adminToken")
    @APIResponse(responseCode = "200", description = "The version, now live",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredVersionsReport.VersionView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "RulesetVersionNotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public StoredVersionsReport.VersionView promote(@Parameter(description = "The version", schema = @Schema(ref = "RulesetVersion"))
                                                    @PathParam("version") String version,
                                                    @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        String v = RulesetVersionId.path("version", version);
        rulesets.promote(v, "api");
        return report.one(v);
    }

    @GET
    @Path("/{a}/diff/{b}")
    @Operation(operationId = "diffRulesetVersions", summary = "Rules and claims added, removed and changed from version a to version b",
            description = "A rule is matched by name: changed when its DRL text or file differs (the DRL of both sides is "
                    + "included); a claim by id, changed when any of its catalogue entry differs.")
    @APIResponse(responseCode = "200", description = "What changes from a to b",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredVersionsReport.DiffView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "404", ref = "RulesetVersionNotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public StoredVersionsReport.DiffView diff(@Parameter(description = "The version to compare from", schema = @Schema(ref = "RulesetVersion"))
                                              @PathParam("a") String a,
                                              @Parameter(description = "The version to compare to", schema = @Schema(ref = "RulesetVersion"))
                                              @PathParam("b") String b) {
        return report.diff(RulesetVersionId.path("a", a), RulesetVersionId.path("b", b));
    }
}
