package io.stackadvisor.whatif;

import io.stackadvisor.audit.AuditFilters;
import io.stackadvisor.audit.AuditQueryParser;
import io.stackadvisor.audit.EvaluationId;
import io.stackadvisor.audit.EvaluationQuery;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.problem.InvalidParameterException;
import io.stackadvisor.problem.Problem;
import io.stackadvisor.ruleset.AdminGuard;
import io.stackadvisor.ruleset.RulesetService;
import io.stackadvisor.ruleset.RulesetVersionId;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Replay and impact", description = "Recorded evaluations against today's rules, or a candidate")
public class ReplayResource {
    static final int IMPACT_MAX = 20_000;

    private final ReplayService replays;
    private final ImpactService impact;
    private final RulesetService rulesets;
    private final AdminGuard admin;

    public ReplayResource(ReplayService replays, ImpactService impact, RulesetService rulesets, AdminGuard admin) {
        this.replays = replays;
        this.impact = impact;
        this.rulesets = rulesets;
        this.admin = admin;
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayEvaluation",
            summary = "Re-run a recorded profile against the live rules: old vs new verdict, scores and claims")
    @APIResponse(responseCode = "200", description = "The recorded and the replayed outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Replay.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "404", ref = "EvaluationNotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Replay replay(@Parameter(description = "The evaluation's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                         @PathParam("id") String id) {
        UUID uuid = EvaluationId.require(id);
        return replays.replay(uuid, rulesets.current()).orElseThrow(() -> EvaluationId.notFound(uuid));
    }

    @POST
    @Path("/impact")
    @Operation(operationId = "impactReport", summary = "Impact report: verdict flips across recorded evaluations",
            description = "Same filters as the search (verdict, claim, rulesetVersion, from, to, name), max evaluations "
                    + "(default 1000, up to 20000). against=live (default), candidate: the rules folder as it is on disk, "
                    + "not yet live (needs the admin token), or a stored version (sha256:..., GET /api/v1/rulesets).")
    @SecurityRequirement(name = "adminToken")
    @APIResponse(responseCode = "200", description = "How many evaluations would change verdict, and which claims shift",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactReport.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "RulesetVersionNotFound")
    @APIResponse(responseCode = "422", ref = "RulesetRejected")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ImpactReport impact(@BeanParam AuditFilters filters,
                               @Parameter(description = "At most this many recorded evaluations", schema = @Schema(
                                       type = SchemaType.INTEGER, minimum = "1", maximum = "20000", defaultValue = "1000"))
                               @QueryParam("max") String max,
                               @Parameter(description = "live: today's rules; candidate: the rules folder on disk, not yet live "
                                       + "(needs the admin token); or a stored version, sha256:...", schema = @Schema(type = SchemaType.STRING,
                                       pattern = "^(live|candidate|sha256:[0-9a-f]{64})$", defaultValue = "live"))
                               @QueryParam("against") String against,
                               @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        EvaluationQuery query = AuditQueryParser.parse(filters, null, max, 1000, IMPACT_MAX);
        String target = against == null ? "live" : against;
        return switch (target) {
            case "live" -> impact.impact(query, rulesets.current(), target);
            case "candidate" -> {
                admin.check(authorization);
                try (Ruleset candidate = rulesets.candidate()) {
                    yield impact.impact(query, candidate, target);
                } catch (RulesetException e) {
                    throw Problem.of(422, "ruleset-rejected", "Candidate ruleset does not load", "Fix these problems first.")
                            .with("problems", e.problems()).toException();
                }
            }
            default -> {
                if (!RulesetVersionId.wellFormed(target)) {
                    throw InvalidParameterException.query("against", "live, candidate or a stored ruleset version (sha256:...)");
                }
                if (!rulesets.isStored(target)) throw RulesetVersionId.notFound("query.against", target);
                yield impact.impact(query, rulesets.compiled(target), target);
            }
        };
    }
}
