package io.stackadvisor.ruleset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.stackadvisor.db.RuleFirings;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.problem.InvalidParameterException;
import io.stackadvisor.profile.ProfileField;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The live rules as people and clients see them: where each is, what it tests, how often it fired over
 * a window of days. The counts come from the fleet's shared audit database (every instance reads the
 * same numbers), summed over every ruleset version that ran the rule (by name) in the window.
 */
@ApplicationScoped
public class RuleReport {
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 3650;

    private final RulesetService rulesets;
    private final RuleFirings firings;

    public RuleReport(RulesetService rulesets, RuleFirings firings) {
        this.rulesets = rulesets;
        this.firings = firings;
    }

    /** The window in days: absent is the default; a whole number from 1 to the maximum. */
    public static int days(String value) {
        if (value == null) return DEFAULT_DAYS;
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= MAX_DAYS) return days;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidParameterException.query("days", "a whole number of days from 1 to " + MAX_DAYS);
    }

    /** The first UTC day of a window of {@code days} days that ends today (today counts as one). */
    public LocalDate windowStart(int days) {
        return RuleFirings.dayOf(Instant.now()).minusDays(days - 1L);
    }

    @Schema(name = "Rule", requiredProperties = {"name", "claim", "conflict", "phase", "file", "line", "metadata", "tests",
            "fired", "lastFired", "firedSince"})
    public record RuleView(@Schema(description = "The DRL rule name") String name,
                           @Schema(nullable = true, description = "The claim it encodes; null for mechanics") String claim,
                           @Schema(nullable = true, description = "The conflict it flags, for flag rules") String conflict,
                           @Schema(ref = "Phase") String phase, String file, int line,
                           Map<String, String> metadata,
                           @Schema(description = "The profile fields its conditions test") List<String> tests,
                           @Schema(description = "How often it fired from firedSince until now, on every instance "
                                   + "together (from the shared audit log; counted since the service began keeping "
                                   + "these counts)") long fired,
                           @Schema(nullable = true, implementation = String.class, format = "date-time",
                                   description = "When it last fired in the window; null if it did not") Instant lastFired,
                           @Schema(implementation = String.class, format = "date", description = "The window's first "
                                   + "day (UTC; the window runs from its start until now), the same for every rule")
                           LocalDate firedSince) {
    }

    /** Filters are optional (null: any); counts over the last {@code days} UTC days, today included. */
    public List<RuleView> rules(String claim, String phase, Boolean neverFired, int days) {
        LocalDate since = windowStart(days);
        Map<String, RuleFirings.Count> counts = firings.since(since);
        return rulesets.current().rules().values().stream()
                .filter(r -> claim == null || claim.equals(r.claim()))
                .filter(r -> phase == null || phase.equals(r.phase().group()))
                .map(r -> view(r, counts.getOrDefault(RuleFirings.ruleKey(r.name()), RuleFirings.Count.NEVER), since))
                .filter(v -> neverFired == null || neverFired == (v.fired() == 0))
                .toList();
    }

    private RuleView view(RuleDescriptor rule, RuleFirings.Count s, LocalDate since) {
        List<String> tests = rule.profileTests().keySet().stream()
                .map(p -> ProfileField.ofProperty(p).map(ProfileField::path).orElse(p)).toList();
        return new RuleView(rule.name(), rule.encodesClaim() ? rule.claim() : null, rule.conflict(), rule.phase().group(),
                rule.file(), rule.line(), rule.metadata(), tests, s.fired(), s.lastFired(), since);
    }
}
