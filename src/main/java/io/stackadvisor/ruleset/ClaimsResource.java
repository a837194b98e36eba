package io.stackadvisor.ruleset;

import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "The claim catalogue behind the rules, with verbatim quotes and their sources")
public class ClaimsResource {
    private final RulesetService rulesets;

    public ClaimsResource(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @GET
    @Operation(summary = "Every claim of the live ruleset's catalogue", description = "Optional filter: kind (rule, evidence, advice, meta, disputed, context).")
    public List<Claim> claims(@QueryParam("kind") String kind) {
        Collection<Claim> claims = rulesets.current().catalogue().claims();
        return claims.stream().filter(c -> kind == null || kind.equals(c.kind()))
                .sorted(java.util.Comparator.comparing(Claim::id)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One claim")
    public Claim claim(@PathParam("id") String id) {
        return rulesets.current().catalogue().claim(id).orElseThrow(() -> Problem.of(404, "claim-not-found", "Claim not found",
                "No claim has the id '" + id + "'; see GET /api/v1/claims.").toException());
    }
}
