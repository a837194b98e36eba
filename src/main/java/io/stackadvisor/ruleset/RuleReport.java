package io.stackadvisor.ruleset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.profile.ProfileField;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The live rules as people and clients see them: where each is, what it tests, how often it fired. */
@ApplicationScoped
public class RuleReport {
    private final RulesetService rulesets;
    private final RuleFiringStats stats;

    public RuleReport(RulesetService rulesets, RuleFiringStats stats) {
        this.rulesets = rulesets;
        this.stats = stats;
    }

    @Schema(name = "Rule", requiredProperties = {"name", "claim", "conflict", "phase", "file", "line", "metadata", "tests",
            "fired", "lastFired"})
    public record RuleView(@Schema(description = "The DRL rule name") String name,
                           @Schema(nullable = true, description = "The claim it encodes; null for mechanics") String claim,
                           @Schema(nullable = true, description = "The conflict it flags, for flag rules") String conflict,
                           @Schema(ref = "Phase") String phase, String file, int line,
                           Map<String, String> metadata,
                           @Schema(description = "The profile fields its conditions test") List<String> tests,
                           @Schema(description = "How often it fired since this instance started") long fired,
                           @Schema(nullable = true, implementation = String.class, format = "date-time") Instant lastFired) {
    }

    /** Filters are optional (null: any). */
    public List<RuleView> rules(String claim, String phase, Boolean neverFired) {
        return rulesets.current().rules().values().stream()
                .filter(r -> claim == null || claim.equals(r.claim()))
                .filter(r -> phase == null || phase.equals(r.phase().group()))
                .map(this::view)
                .filter(v -> neverFired == null || neverFired == (v.fired() == 0))
                .toList();
    }

    private RuleView view(RuleDescriptor rule) {
        RuleFiringStats.Snapshot s = stats.of(rule.name());
        List<String> tests = rule.profileTests().keySet().stream()
                .map(p -> ProfileField.ofProperty(p).map(ProfileField::path).orElse(p)).toList();
        return new RuleView(rule.name(), rule.encodesClaim() ? rule.claim() : null, rule.conflict(), rule.phase().group(),
                rule.file(), rule.line(), rule.metadata(), tests, s.fired(), s.lastFired());
    }
}
