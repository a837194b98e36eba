package io.stackadvisor.ruleset;

import io.stackadvisor.engine.Phase;
import io.stackadvisor.problem.InvalidParameterException;
import java.util.Arrays;
import io.stackadvisor.ruleset.RuleReport.RuleView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "listRules",
            summary = "Every loaded rule with its claim, phase, file and line, and how often it fired over the last days",
            description = "Counts come from the shared audit log, so every instance answers the same numbers. The window "
                    + "is the last `days` UTC calendar days, today included (from the start of day `firedSince`, which "
                    + "every rule repeats, until now). Firings are summed over every ruleset version that ran the rule "
                    + "in the window, by rule name. Counting began when the service started keeping these counts; "
                    + "older evaluations are not counted.")
    @APIResponse(responseCode = "200", description = "The rules, in the order of their files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RuleView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public List<RuleView> rules(@Parameter(description = "Only rules that encode this claim", schema = @Schema(
                                        type = SchemaType.STRING, example = "RT-01")) @QueryParam("claim") String claim,
                                @Parameter(description = "Only rules of this phase", schema = @Schema(ref = "Phase"))
                                @QueryParam("phase") String phase,
                                @Parameter(description = "true: only rules that never fired; false: only rules that did",
                                        schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("neverFired") String neverFired,
                                @Parameter(description = "The window: the last this many UTC days, today included",
                                        schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "3650",
                                                defaultValue = "30")) @QueryParam("days") String days) {
        String group = InvalidParameterException.oneOf("phase", phase,
                Arrays.stream(Phase.values()).map(Phase::group).toList());
        Boolean fired = neverFired == null ? null : InvalidParameterException.flag("neverFired", neverFired);
        return report.rules(claim, group, fired, RuleReport.days(days));
    }
}
