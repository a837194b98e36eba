package io.stackadvisor.whatif;

import io.stackadvisor.audit.AuditFilters;
import io.stackadvisor.audit.AuditQueryParser;
import io.stackadvisor.audit.EvaluationId;
import io.stackadvisor.audit.EvaluationQuery;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.problem.FieldError;
import io.stackadvisor.problem.InvalidRequestException;
import io.stackadvisor.problem.Problem;
import io.stackadvisor.ruleset.AdminGuard;
import io.stackadvisor.ruleset.RulesetService;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Re-run a recorded profile against the live rules: old vs new verdict, scores and claims")
    public Replay replay(@PathParam("id") String id) {
        UUID uuid = EvaluationId.require(id);
        return replays.replay(uuid, rulesets.current()).orElseThrow(() -> EvaluationId.notFound(uuid));
    }

    @POST
    @Path("/impact")
    @Operation(summary = "Impact report: verdict flips across recorded evaluations",
            description = "Same filters as the search (verdict, claim, rulesetVersion, from, to, name), max evaluations "
                    + "(default 1000, up to 20000). against=live (default) or candidate: the rules folder as it is on disk, "
                    + "not yet live (needs the admin token).")
    public ImpactReport impact(@BeanParam AuditFilters filters, @QueryParam("max") String max,
                               @QueryParam("against") String against, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
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
            default -> throw new InvalidRequestException("Invalid impact parameters",
                    List.of(new FieldError("query.against", "live or candidate")));
        };
    }
}
