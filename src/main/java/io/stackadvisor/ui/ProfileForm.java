package io.stackadvisor.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns the try-it form into the same JSON profile the API takes, so the page goes through exactly
 * the API's validation. Empty inputs are left out (unknown); text that is not a number stays text
 * and is then refused with the API's message.
 */
final class ProfileForm {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LISTS = List.of("workloads", "deploymentTargets", "priorities");
    private static final List<String> INTEGERS = List.of("expectedConcurrentConnections", "memoryBudgetMb",
            "instanceMemoryMb", "timelineWeeks");
    private static final List<String> TEXTS = List.of("name", "projectStage", "organizationType", "domain", "architectureStyle");
    private static final List<String> BOOLEANS = List.of("singleLanguageStack", "mobileClients");

    private ProfileForm() {
    }

    static byte[] toJson(Map<String, List<String>> form) {
        ObjectNode profile = JSON.createObjectNode();
        for (String list : LISTS) {
            List<String> values = form.getOrDefault(list, List.of());
            if (!values.isEmpty()) {
                ArrayNode array = profile.putArray(list);
                values.forEach(array::add);
            }
        }
        for (String field : TEXTS) first(form, field).ifPresent(v -> profile.put(field, v));
        for (String field : INTEGERS) first(form, field).ifPresent(v -> putNumber(profile, field, v, false));
        first(form, "latencyTargetMs").ifPresent(v -> putNumber(profile, "latencyTargetMs", v, true));
        for (String field : BOOLEANS) first(form, field).ifPresent(v -> profile.put(field, Boolean.parseBoolean(v)));
        nested(form, profile, "team", List.of("javascript", "python", "seniority"));
        nested(form, profile, "frontend", List.of("language", "type"));
        return profile.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void nested(Map<String, List<String>> form, ObjectNode profile, String object, List<String> fields) {
        ObjectNode node = JSON.createObjectNode();
        for (String field : fields) first(form, object + "." + field).ifPresent(v -> node.put(field, v));
        if (!node.isEmpty()) profile.set(object, node);
    }

    private static void putNumber(ObjectNode profile, String field, String value, boolean decimal) {
        try {
            if (decimal) profile.put(field, new java.math.BigDecimal(value));
            else profile.put(field, Long.parseLong(value));
        } catch (NumberFormatException e) {
            profile.put(field, value);
        }
    }

    private static java.util.Optional<String> first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) return java.util.Optional.empty();
        return java.util.Optional.of(values.get(0).strip());
    }
}
