package io.stackadvisor.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shadow's counts as every instance added them (eventually consistent: a few seconds behind). */
@Schema(name = "ShadowReport", requiredProperties = {"version", "status", "startedAt", "stoppedAt", "compared", "agreed",
        "dropped", "agreementRate", "flips", "claims"})
public record ShadowReport(
        @Schema(ref = "RulesetVersion") String version,
        @Schema(enumeration = {"running", "stopped"}, description = "running: live traffic is also evaluated on this version")
        String status,
        @Schema(description = "When the newest run of this shadow started") Instant startedAt,
        @Schema(nullable = true, implementation = String.class, format = "date-time",
                description = "When it stopped; null while it runs")
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant stoppedAt,
        @Schema(description = "Live evaluations also evaluated on this version") long compared,
        @Schema(description = "Of those, how many had the same verdict") long agreed,
        @Schema(description = "Samples not compared: the shadow's queue was full (the caller was never delayed)") long dropped,
        @Schema(nullable = true, description = "agreed / compared, from 0 to 1; null before the first comparison")
        @JsonInclude(JsonInclude.Include.ALWAYS) Double agreementRate,
        @Schema(description = "Verdicts that would change, by pair, most frequent first") List<Flip> flips,
        @Schema(description = "Claims that fired in only one of the two, by claim") List<ClaimShift> claims) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Live verdict → candidate verdict, how often, and a few of the profiles (as received). */
    @Schema(name = "ShadowFlip", requiredProperties = {"from", "to", "count", "examples"})
    public record Flip(
            @Schema(description = "The live version's verdict") String from,
            @Schema(description = "The candidate's verdict") String to,
            long count,
            @Schema(ref = "ProjectProfiles")
            List<JsonNode> examples) {
    }

    /** How often a claim fired on the candidate only (more) or on the live version only (fewer). */
    @Schema(name = "ShadowClaimShift", requiredProperties = {"claim", "more", "fewer"})
    public record ClaimShift(String claim,
                             @Schema(description = "Evaluations where it fired on the candidate only") long more,
                             @Schema(description = "Evaluations where it fired on the live version only") long fewer) {
    }

    static ShadowReport of(ShadowCounts.Run run, ShadowCounts.Totals totals) {
        List<Flip> flips = new ArrayList<>();
        for (ShadowCounts.FlipRow row : totals.flips()) {
            List<JsonNode> examples = new ArrayList<>();
            try {
                JSON.readTree(row.examplesJson()).forEach(examples::add);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored shadow examples are not JSON", e);
            }
            flips.add(new Flip(row.from(), row.to(), row.count(), examples));
        }
        List<ClaimShift> claims = totals.claims().stream().map(c -> new ClaimShift(c.claim(), c.more(), c.fewer())).toList();
        Double rate = totals.compared() == 0 ? null : (double) totals.agreed() / totals.compared();
        return new ShadowReport(run.version(), run.running() ? "running" : "stopped", run.startedAt(), run.stoppedAt(),
                totals.compared(), totals.agreed(), totals.dropped(), rate, flips, claims);
    }
}
