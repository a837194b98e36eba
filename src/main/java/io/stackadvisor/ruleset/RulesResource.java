package io.stackadvisor.ruleset;

import io.stackadvisor.engine.RuleDescriptor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "The loaded rules and how often they fire")
public class RulesResource {
    private final RulesetService rulesets;
    private final RuleFiringStats stats;

    public RulesResource(RulesetService rulesets, RuleFiringStats stats) {
        this.rulesets = rulesets;
        this.stats = stats;
    }

    public record RuleView(String name, String claim, String conflict, String phase, String file, int line,
                           Map<String, String> metadata, List<String> tests, long fired, Instant lastFired) {
    }

    @GET
    @Operation(summary = "Every loaded rule with its claim, phase, file and line, and how often it fired since start-up",
            description = "Optional filters: claim (e.g. RT-01), phase (e.g. evidence), neverFired=true.")
    public List<RuleView> rules(@QueryParam("claim") String claim, @QueryParam("phase") String phase,
                                @QueryParam("neverFired") Boolean neverFired) {
        return rulesets.current().rules().values().stream()
                .filter(r -> claim == null || claim.equals(r.claim()))
                .filter(r -> phase == null || phase.equals(r.phase().group()))
                .map(this::view)
                .filter(v -> neverFired == null || neverFired == (v.fired() == 0))
                .toList();
    }

    private RuleView view(RuleDescriptor rule) {
        RuleFiringStats.Snapshot s = stats.of(rule.name());
        return new RuleView(rule.name(), rule.encodesClaim() ? rule.claim() : null, rule.conflict(), rule.phase().group(),
                rule.file(), rule.line(), rule.metadata(), rule.profileTests().keySet().stream()
                .map(io.stackadvisor.engine.facts.Profile.SCHEMA_PATHS::get).toList(), s.fired(), s.lastFired());
    }
}
