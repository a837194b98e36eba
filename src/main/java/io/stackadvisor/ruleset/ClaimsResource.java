package io.stackadvisor.ruleset;

import io.stackadvisor.problem.InvalidParameterException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "The claim catalogue behind the rules, with verbatim quotes and their sources")
public class ClaimsResource {
    private static final List<String> KINDS = List.of("rule", "evidence", "advice", "meta", "disputed", "context");
    private final RulesetService rulesets;

    public ClaimsResource(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @GET
    @Operation(operationId = "listClaims", summary = "Every claim of the live ruleset's catalogue, by id")
    @APIResponse(responseCode = "200", description = "The claims",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Claim.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    public List<Claim> claims(@Parameter(description = "Only claims of this kind", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"rule", "evidence", "advice", "meta", "disputed", "context"})) @QueryParam("kind") String kind) {
        InvalidParameterException.oneOf("kind", kind, KINDS);
        Collection<Claim> claims = rulesets.current().catalogue().claims();
        return claims.stream().filter(c -> kind == null || kind.equals(c.kind()))
                .sorted(java.util.Comparator.comparing(Claim::id)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getClaim", summary = "One claim, with its verbatim quotes and their sources")
    @APIResponse(responseCode = "200", description = "The claim",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Claim.class)))
    @APIResponse(responseCode = "404", description = "No claim has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Claim claim(@Parameter(description = "A claim id", schema = @Schema(type = SchemaType.STRING, example = "RT-01"))
                       @PathParam("id") String id) {
        return rulesets.current().catalogue().claim(id).orElseThrow(() -> Problem.of(404, "claim-not-found", "Claim not found",
                "No claim has the id '" + id + "'; see GET /api/v1/claims.").toException());
    }
}
