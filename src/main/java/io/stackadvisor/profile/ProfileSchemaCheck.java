package io.stackadvisor.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.stackadvisor.problem.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a profile against the published JSON Schema and words each problem for the caller: the JSON
 * pointer of the field and what would have been accepted there.
 */
final class ProfileSchemaCheck {
    private final JsonSchema schema;
    private final Map<String, List<String>> acceptedFields = new TreeMap<>();

    ProfileSchemaCheck(JsonNode schemaJson) {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson,
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());
        acceptedFields.put("", names(schemaJson.path("properties")));
        acceptedFields.put("/team", names(schemaJson.path("properties").path("team").path("properties")));
        acceptedFields.put("/frontend", names(schemaJson.path("properties").path("frontend").path("properties")));
    }

    /** Every problem, ordered by field and then by message; empty when the profile matches. */
    List<FieldError> errors(JsonNode json) {
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(json)) {
            errors.add(describe(message));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    private FieldError describe(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        if (message.getInstanceNode() != null && message.getInstanceNode().isNull()) {
            return new FieldError(location, "null is not accepted: leave the field out to say it is unknown");
        }
        if ("additionalProperties".equals(message.getType())) {
            String field = location + "/" + message.getProperty();
            return new FieldError(field, "unknown field '" + message.getProperty() + "'; accepted fields here: "
                    + String.join(", ", acceptedFields.getOrDefault(location, List.of())));
        }
        if ("uniqueItems".equals(message.getType()) && message.getInstanceNode() != null) {
            return duplicateEntry(location, message.getInstanceNode());
        }
        String text = message.getMessage();
        String prefix = location + ": ";
        return new FieldError(location, text.startsWith(prefix) ? text.substring(prefix.length()) : text);
    }

    private static FieldError duplicateEntry(String location, JsonNode array) {
        for (int i = 0; i < array.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (array.get(i).equals(array.get(j))) {
                    return new FieldError(location + "/" + i, "duplicate entry " + array.get(i)
                            + " (already at " + location + "/" + j + "); list each value once");
                }
            }
        }
        return new FieldError(location, "list each value once");
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }
}
