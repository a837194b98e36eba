package io.stackadvisor.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stackadvisor.explain.Explanation.Change;
import io.stackadvisor.profile.ProfileField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every one-field edit of a profile worth trying, in a fixed order: each enum value, each list
 * member added or removed, true/false, unknown, and for numbers the values on both sides of every
 * threshold the rules test (read from the rules, so new thresholds are tried without code changes).
 */
final class ProfileVariations {
    record Variation(ObjectNode profile, Change change, int fieldIndex, double distance) {
    }

    private ProfileVariations() {
    }

    static List<Variation> of(ObjectNode base, Map<String, TreeSet<BigDecimal>> thresholds) {
        List<Variation> result = new ArrayList<>();
        ProfileField[] fields = ProfileField.values();
        for (int i = 0; i < fields.length; i++) {
            ProfileField field = fields[i];
            String words = field.label();
            JsonNode current = get(base, field.path());
            switch (field.kind()) {
                case LIST -> {
                    List<String> present = new ArrayList<>();
                    if (current != null) current.forEach(v -> present.add(v.asText()));
                    for (String value : field.accepted()) {
                        List<String> changed = new ArrayList<>(present);
                        String edit;
                        if (present.contains(value)) {
                            changed.remove(value);
                            edit = "remove " + value + " from " + words;
                        } else {
                            changed.add(value);
                            edit = "add " + value + " to " + words;
                        }
                        ArrayNode array = JsonNodeFactory.instance.arrayNode();
                        changed.forEach(array::add);
                        result.add(new Variation(with(base, field.path(), changed.isEmpty() ? null : array),
                                new Change(field.path(), present, changed, edit), i, 1));
                    }
                }
                case ENUM, BOOLEAN -> {
                    for (String value : field.accepted()) {
                        if (current != null && current.asText().equals(value)) continue;
                        boolean flag = field.kind() == ProfileField.Kind.BOOLEAN;
                        JsonNode node = flag ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value))
                                : JsonNodeFactory.instance.textNode(value);
                        Object to = flag ? (Object) Boolean.valueOf(value) : value;
                        result.add(new Variation(with(base, field.path(), node),
                                new Change(field.path(), text(current), to, "set " + words + " to " + value), i, 1));
                    }
                }
                case INTEGER, DECIMAL -> {
                    TreeSet<BigDecimal> candidates = new TreeSet<>();
                    for (BigDecimal t : thresholds.getOrDefault(field.property(), new TreeSet<>())) {
                        candidates.add(t.subtract(BigDecimal.ONE));
                        candidates.add(t);
                        candidates.add(t.add(BigDecimal.ONE));
                    }
                    for (BigDecimal value : candidates) {
                        if (value.signum() <= 0 || current != null && current.decimalValue().compareTo(value) == 0) continue;
                        double distance = current == null ? 0.5
                                : Math.abs(value.doubleValue() - current.doubleValue()) / Math.max(1, Math.abs(current.doubleValue()));
                        boolean whole = field.kind() == ProfileField.Kind.INTEGER;
                        JsonNode node = whole ? JsonNodeFactory.instance.numberNode(value.longValue())
                                : JsonNodeFactory.instance.numberNode(value);
                        Object to = whole || value.stripTrailingZeros().scale() <= 0 ? (Object) value.longValue()
                                : new BigDecimal(value.stripTrailingZeros().toPlainString());
                        result.add(new Variation(with(base, field.path(), node), new Change(field.path(), text(current), to,
                                "set " + words + " to " + value.stripTrailingZeros().toPlainString()), i, distance));
                    }
                }
            }
            if (current != null && field.kind() != ProfileField.Kind.LIST) {
                result.add(new Variation(with(base, field.path(), null),
                        new Change(field.path(), text(current), null, "leave " + words + " unknown"), i, 1));
            }
        }
        return result;
    }

    static ObjectNode combine(Variation a, Variation b) {
        ObjectNode combined = a.profile().deepCopy();
        String path = b.change().field();
        JsonNode value = get(b.profile(), path);
        return with(combined, path, value);
    }

    private static Object text(JsonNode node) {
        if (node == null) return null;
        if (node.isIntegralNumber()) return node.longValue();
        if (node.isNumber()) return node.decimalValue().stripTrailingZeros();
        return node.isBoolean() ? node.booleanValue() : node.asText();
    }

    static JsonNode get(JsonNode profile, String path) {
        JsonNode node = profile;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** A copy of the profile with one field set (null: removed, and an emptied object removed too). */
    static ObjectNode with(ObjectNode base, String path, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        if (parts.length == 2) {
            parent = copy.has(parts[0]) ? (ObjectNode) copy.get(parts[0]) : copy.putObject(parts[0]);
        }
        String leaf = parts[parts.length - 1];
        if (value == null) parent.remove(leaf);
        else parent.set(leaf, value);
        if (parts.length == 2 && parent.isEmpty()) copy.remove(parts[0]);
        return copy;
    }

}
