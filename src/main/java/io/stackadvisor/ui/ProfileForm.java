package io.stackadvisor.ui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stackadvisor.profile.ProfileField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the try-it form into the same JSON profile the API takes, so the page goes through exactly
 * the API's validation. Inputs are named by field path (team.javascript); empty inputs are left out
 * (unknown); text that is not a number stays text and is then refused with the API's message.
 */
final class ProfileForm {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProfileForm() {
    }

    static byte[] toJson(Map<String, List<String>> form) {
        ObjectNode profile = NODES.objectNode();
        first(form, "name").ifPresent(v -> profile.put("name", v));
        for (ProfileField field : ProfileField.values()) {
            String[] path = field.path().split("\\.");
            ObjectNode parent = path.length == 1 ? profile
                    : profile.has(path[0]) ? (ObjectNode) profile.get(path[0]) : NODES.objectNode();
            String leaf = path[path.length - 1];
            if (field.kind() == ProfileField.Kind.LIST) {
                List<String> values = form.getOrDefault(field.path(), List.of());
                if (!values.isEmpty()) values.forEach(parent.putArray(leaf)::add);
            } else {
                first(form, field.path()).ifPresent(v -> parent.set(leaf, value(field, v)));
            }
            if (path.length == 2 && !parent.isEmpty()) profile.set(path[0], parent);
        }
        return profile.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static com.fasterxml.jackson.databind.JsonNode value(ProfileField field, String text) {
        try {
            return switch (field.kind()) {
                case INTEGER -> NODES.numberNode(Long.parseLong(text));
                case DECIMAL -> NODES.numberNode(new BigDecimal(text));
                case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(text));
                default -> NODES.textNode(text);
            };
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    private static Optional<String> first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) return Optional.empty();
        return Optional.of(values.get(0).strip());
    }
}
