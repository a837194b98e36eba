package io.stackadvisor.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Advice;
import io.stackadvisor.engine.facts.Evidence;
import io.stackadvisor.engine.facts.Outcome;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.explain.Explanation.Alternative;
import io.stackadvisor.explain.Explanation.AskFor;
import io.stackadvisor.explain.ProfileVariations.Variation;
import io.stackadvisor.profile.ProfileField;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.profile.ValidatedProfile;
import io.stackadvisor.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Explains an evaluation beyond its trace: which claims did not fire and why (from the rules' own
 * conditions), and the smallest profile edits — one field, then pairs — that reach each other
 * verdict, found by re-running the rules. Bounded and deterministic: the same profile and ruleset
 * give the same explanation.
 */
@ApplicationScoped
public class ExplanationService {
    static final int PER_VERDICT = 3;
    static final int PAIR_CANDIDATES = 24;
    static final List<String> CONFIDENCE_ORDER = List.of("none", "low", "medium", "high");

    private final ProfileReader reader;
    private final DecisionEngine engine = new DecisionEngine();

    public ExplanationService(ProfileReader reader) {
        this.reader = reader;
    }

    record Tried(List<Variation> variations, Alternative alternative, double distance, int firstField) {
    }

    /** Explains a recorded profile: validates and evaluates it on the ruleset first. */
    public Explanation explain(Ruleset ruleset, JsonNode profileJson) {
        ValidatedProfile validated = reader.validate(profileJson);
        return explain(ruleset, validated, engine.evaluate(ruleset, new Profile(validated.profile()), true));
    }

    /** Explains a profile the caller has just evaluated on this ruleset, without evaluating it again. */
    public Explanation explain(Ruleset ruleset, ValidatedProfile validated, EngineResult now) {
        ObjectNode base = validated.json().deepCopy();
        base.remove("name");
        Profile profile = new Profile(validated.profile());
        Set<String> rulesFired = now.trace().stream().map(TraceStep::rule).map(r -> r.name()).collect(Collectors.toSet());
        RuleConditions conditions = RuleConditions.of(ruleset);
        String verdict = now.verdict().name();
        String confidence = now.confidence().name().toLowerCase();
        Set<String> claimsNow = claims(now);

        List<Tried> singles = new ArrayList<>();
        for (Variation v : ProfileVariations.of(base, conditions.thresholds)) {
            Alternative alt = run(ruleset, v.profile(), List.of(v), claimsNow);
            if (alt != null) singles.add(new Tried(List.of(v), alt, v.distance(), v.fieldIndex()));
        }
        int evaluated = singles.size();
        Map<String, List<Alternative>> toReach = new LinkedHashMap<>();
        List<String> unreached = new ArrayList<>();
        for (Outcome target : Outcome.values()) {
            if (target.name().equals(verdict)) continue;
            List<Alternative> found = best(singles, target.name());
            toReach.put(target.name(), found);
            if (found.isEmpty()) unreached.add(target.name());
        }
        if (!unreached.isEmpty()) {
            List<Tried> pairs = pairs(ruleset, singles, claimsNow);
            evaluated += pairs.size();
            for (String target : unreached) toReach.put(target, best(pairs, target));
        }
        List<AskFor> askFirst = askFirst(singles, verdict, confidence);
        return new Explanation(ruleset.version(), verdict, confidence, sensitivity(singles, verdict),
                askFirst, toReach, WhyNot.explain(conditions, profile, rulesFired, ruleset.catalogue()),
                new Explanation.Cost(evaluated + 1));
    }

    private Alternative run(Ruleset ruleset, ObjectNode json, List<Variation> changes, Set<String> claimsNow) {
        Profile variant;
        try {
            variant = new Profile(reader.validate(json).profile());
        } catch (InvalidRequestException e) {
            return null;
        }
        EngineResult r = engine.evaluate(ruleset, variant, false);
        Set<String> claims = claims(r);
        return new Alternative(changes.stream().map(Variation::change).toList(), r.verdict().name(),
                r.confidence().name().toLowerCase(), r.nodeScore(), r.pythonScore(),
                claims.stream().filter(c -> !claimsNow.contains(c)).sorted().toList(),
                claimsNow.stream().filter(c -> !claims.contains(c)).sorted().toList());
    }

    /** The closest variations reaching a verdict, one per field (or field pair). */
    private static List<Alternative> best(List<Tried> tried, String target) {
        Set<String> seen = new LinkedHashSet<>();
        List<Alternative> result = new ArrayList<>();
        tried.stream().filter(t -> t.alternative().verdict().equals(target))
                .sorted(Comparator.comparingDouble(Tried::distance).thenComparingInt(Tried::firstField))
                .forEach(t -> {
                    String key = t.variations().stream().map(v -> v.change().field()).collect(Collectors.joining("+"));
                    if (result.size() < PER_VERDICT && seen.add(key)) result.add(t.alternative());
                });
        return result;
    }

    /** Pairs of the single edits that changed most, on different fields; bounded. */
    private List<Tried> pairs(Ruleset ruleset, List<Tried> singles, Set<String> claimsNow) {
        List<Tried> candidates = singles.stream()
                .filter(t -> !t.alternative().claimsGained().isEmpty() || !t.alternative().claimsLost().isEmpty())
                .sorted(Comparator.comparingInt((Tried t) -> -(t.alternative().claimsGained().size() + t.alternative().claimsLost().size()))
                        .thenComparingInt(Tried::firstField).thenComparingDouble(Tried::distance))
                .limit(PAIR_CANDIDATES).toList();
        List<Tried> pairs = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                Variation a = candidates.get(i).variations().get(0);
                Variation b = candidates.get(j).variations().get(0);
                if (a.change().field().equals(b.change().field())) continue;
                Variation first = a.fieldIndex() <= b.fieldIndex() ? a : b;
                Variation second = first == a ? b : a;
                Alternative alt = run(ruleset, ProfileVariations.combine(first, second), List.of(first, second), claimsNow);
                if (alt != null) {
                    pairs.add(new Tried(List.of(first, second), alt, 1 + first.distance() + second.distance(), first.fieldIndex()));
                }
            }
        }
        return pairs;
    }

    /** For an undecided or low-confidence verdict: unknown fields whose answer would settle it. */
    private static List<AskFor> askFirst(List<Tried> singles, String verdict, String confidence) {
        if (!verdict.equals("UNDETERMINED") && !confidence.equals("low")) return List.of();
        Map<String, List<Alternative>> byField = new LinkedHashMap<>();
        for (Tried t : singles) {
            Explanation.Change change = t.variations().get(0).change();
            boolean wasUnknown = change.from() == null || change.from() instanceof List<?> l && l.isEmpty();
            Alternative alt = t.alternative();
            boolean settles = verdict.equals("UNDETERMINED") ? !alt.verdict().equals("UNDETERMINED")
                    : CONFIDENCE_ORDER.indexOf(alt.confidence()) > CONFIDENCE_ORDER.indexOf(confidence);
            if (wasUnknown && settles) {
                List<Alternative> examples = byField.computeIfAbsent(change.field(), f -> new ArrayList<>());
                if (examples.size() < 2) examples.add(alt);
            }
        }
        return byField.entrySet().stream()
                .map(e -> new AskFor(e.getKey(), "Tell us the " + ProfileField.words(e.getKey()).replaceFirst("^the ", "") + ": it is unknown and would settle the verdict.", e.getValue()))
                .toList();
    }

    private static String sensitivity(List<Tried> singles, String verdict) {
        List<Tried> flips = singles.stream().filter(t -> !t.alternative().verdict().equals(verdict))
                .sorted(Comparator.comparingDouble(Tried::distance).thenComparingInt(Tried::firstField)).toList();
        if (flips.isEmpty()) return "Robust: no single change to the profile changes the " + verdict + " verdict.";
        Set<String> fields = new TreeSet<>();
        List<String> examples = new ArrayList<>();
        for (Tried t : flips) {
            if (examples.size() < 2 && fields.add(t.variations().get(0).change().field())) {
                examples.add(t.variations().get(0).change().words() + " (→ " + t.alternative().verdict() + ")");
            }
        }
        String lead = verdict.equals("UNDETERMINED") ? "Stays UNDETERMINED until you " : "Stays " + verdict + " unless you ";
        return lead + String.join(", or ", examples) + "; " + flips.size() + " single edit(s) of " + singles.size()
                + " tried change the verdict.";
    }

    private static Set<String> claims(EngineResult r) {
        Set<String> claims = new LinkedHashSet<>();
        for (Evidence e : r.evidence()) claims.add(e.getClaim());
        for (Advice a : r.advice()) claims.add(a.claim());
        return claims;
    }
}
