package io.stackadvisor.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackadvisor.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The published profile schema (profile.schema.json), read once: the one source of accepted values. */
public final class ProfileSchema {
    public static final String RESOURCE = "/profile.schema.json";
    private static final JsonNode SCHEMA = load();

    private ProfileSchema() {
    }

    public static JsonNode json() {
        return SCHEMA;
    }

    /** Enum values at a property path such as "workloads", "team/javascript" or "domain". */
    public static List<String> values(String path) {
        JsonNode node = SCHEMA.path("properties");
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            node = node.path(parts[i]);
            if (i < parts.length - 1) node = node.path("properties");
        }
        JsonNode values = node.has("items") ? node.path("items").path("enum") : node.path("enum");
        List<String> result = new ArrayList<>();
        values.forEach(v -> result.add(v.asText()));
        return List.copyOf(result);
    }

    private static JsonNode load() {
        try (InputStream in = ProfileSchema.class.getResourceAsStream(RESOURCE)) {
            return JsonMappers.standalone().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
