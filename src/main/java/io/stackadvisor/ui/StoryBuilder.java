package io.stackadvisor.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.evaluation.EvaluationView;
import io.stackadvisor.evaluation.EvaluationView.TraceEntry;
import io.stackadvisor.knowledge.ClaimCatalogue;
import io.stackadvisor.knowledge.Conflict;
import io.stackadvisor.knowledge.Source;
import io.stackadvisor.profile.ProfileField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads a recorded evaluation and words each part of it for people. */
final class StoryBuilder {
    private final ObjectMapper json;

    StoryBuilder(ObjectMapper json) {
        this.json = json;
    }

    EvaluationStory build(String document, ClaimCatalogue catalogue) {
        EvaluationView e;
        try {
            e = json.readValue(document, EvaluationView.class);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<EvaluationStory.FlagStory> flags = e.flags().stream().map(f -> new EvaluationStory.FlagStory(f.code(), f.title(),
                catalogue.conflict(f.code()).map(Conflict::disagreement).orElse(null))).toList();
        List<EvaluationStory.Step> steps = e.trace().stream().map(t -> step(t, catalogue)).toList();
        String name = e.profile().hasNonNull("name") ? e.profile().get("name").asText() : "Unnamed project";
        return new EvaluationStory(e.id().toString(), name, e.evaluatedAt().toString(), e.rulesetVersion(), e.verdict(),
                e.confidence(), e.scores().nodejs(), e.scores().python(), e.summary(), e.architecture(), flags, e.advice(),
                steps, rows(e.profile()));
    }

    JsonNode profileOf(String document) {
        try {
            return json.readTree(document).get("profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EvaluationStory.Step step(TraceEntry t, ClaimCatalogue catalogue) {
        List<String> because = new ArrayList<>();
        if (t.matched() != null) {
            t.matched().forEach((field, value) -> because.add(ProfileField.words(field) + " = " + shown(value)));
        }
        List<EvaluationStory.Quote> quotes = t.sources().stream().map(s -> quote(s, catalogue)).toList();
        Object side = t.effect() == null ? null : t.effect().get("side");
        return new EvaluationStory.Step(t.step(), t.phase(), t.rule(), t.claim(), t.statement(),
                side == null ? "none" : side.toString(), because, effect(t.effect()), quotes);
    }

    private static EvaluationStory.Quote quote(Source source, ClaimCatalogue catalogue) {
        String article = catalogue.article(source.document())
                .map(a -> a.title() + " (" + a.publisher() + ", " + source.document() + ")")
                .orElse(source.document());
        return new EvaluationStory.Quote(source.quote(), article);
    }

    static String effect(Map<String, Object> effect) {
        if (effect == null) return null;
        if (effect.containsKey("demoted")) {
            return effect.get("demoted") + " counts " + effect.get("weight") + " instead of " + effect.get("demotedFrom")
                    + " (small scale) and is no longer an anchor";
        }
        if (effect.containsKey("family")) {
            return "the " + effect.get("family") + " family gives " + runtime(effect.get("side")) + " " + effect.get("points")
                    + " point(s), counted once through " + effect.get("countedClaim");
        }
        if (effect.containsKey("score")) return runtime(effect.get("side")) + " scores " + effect.get("score") + " in total";
        if (effect.containsKey("verdict")) {
            return "verdict " + effect.get("verdict") + (Boolean.TRUE.equals(effect.get("tieBrokenByTeam"))
                    ? ", the team's strong stack breaking a tie" : ", margin " + effect.get("margin"));
        }
        if (effect.containsKey("advice")) return "adds advice " + effect.get("advice");
        if (effect.containsKey("flag")) return "raises flag " + effect.get("flag");
        if (effect.containsKey("confidence")) return "confidence " + effect.get("confidence");
        int weight = ((Number) effect.getOrDefault("weight", 0)).intValue();
        if (weight == 0) return "cited for " + runtime(effect.get("side")) + " (no weight)";
        return "counts " + weight + " for " + runtime(effect.get("side")) + (Boolean.TRUE.equals(effect.get("anchor"))
                ? "; marks a part this runtime should own (anchor)" : "");
    }

    private static String runtime(Object side) {
        return "NODEJS".equals(side) ? "Node.js" : "PYTHON".equals(side) ? "Python" : "neither side";
    }

    private static String shown(Object value) {
        if (value == null) return "unknown";
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none of those" : String.join(", ", list.stream().map(StoryBuilder::shown).toList());
        }
        if (value instanceof Map<?, ?> fact) return String.join(" ", fact.values().stream().map(String::valueOf).toList());
        return value.toString();
    }

    private static List<EvaluationStory.Row> rows(JsonNode profile) {
        List<EvaluationStory.Row> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = profile.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                field.getValue().fields().forEachRemaining(inner ->
                        rows.add(new EvaluationStory.Row(title(field.getKey() + "." + inner.getKey()), text(inner.getValue()))));
            } else {
                rows.add(new EvaluationStory.Row(title(field.getKey()), text(field.getValue())));
            }
        }
        return rows;
    }

    private static String title(String path) {
        return ProfileField.ofPath(path).map(ProfileField::title).orElse("name".equals(path) ? "Name" : path);
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return String.join(", ", items);
        }
        return value.asText();
    }
}
