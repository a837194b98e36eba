package io.stackadvisor.ruleset;

import io.stackadvisor.ruleset.RuleReport.RuleView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "The loaded rules and how often they fire")
public class RulesResource {
    private final RuleReport report;

    public RulesResource(RuleReport report) {
        this.report = report;
    }

    @GET
    @Operation(summary = "Every loaded rule with its claim, phase, file and line, and how often it fired since start-up",
            description = "Optional filters: claim (e.g. RT-01), phase (e.g. evidence), neverFired=true.")
    public List<RuleView> rules(@QueryParam("claim") String claim, @QueryParam("phase") String phase,
                                @QueryParam("neverFired") Boolean neverFired) {
        return report.rules(claim, phase, neverFired);
    }
}
