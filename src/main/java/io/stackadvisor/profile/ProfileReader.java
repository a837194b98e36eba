package io.stackadvisor.profile;

import io.stackadvisor.problem.FieldError;
import io.stackadvisor.problem.InvalidRequestException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body into a profile, strictly: JSON syntax, duplicate keys and then the published
 * JSON Schema (unknown fields, enum values, types, ranges, duplicate list entries). Every problem is
 * reported with the JSON pointer of the field and what would have been accepted.
 */
public final class ProfileReader {
    /** Parsing limits and strictness for untrusted bodies; binding uses the service's one mapper. */
    private final JsonFactory strictParsing = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16).maxStringLength(10_000).maxNumberLength(100).build())
            .build();
    /** Finds the values of a batch array; each is then parsed strictly on its own. */
    private final JsonFactory batchParsing = JsonFactory.builder().build();
    private final ObjectMapper mapper;
    private final ObjectReader treeReader;
    private final ProfileSchemaCheck schema = new ProfileSchemaCheck(ProfileSchema.json());

    public ProfileReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.treeReader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public ValidatedProfile read(byte[] body) {
        return validate(parse(decode(body)));
    }

    /** One profile of a batch (see {@link #items}), read exactly as if it had been the whole body. */
    public ValidatedProfile read(String profile) {
        return validate(parse(profile));
    }

    /**
     * The profiles of a batch body: a JSON array of 1 to {@code maxItems} values, each returned as its
     * own text so that {@link #read(String)} judges it alone (a bad profile, even a duplicate key in it,
     * fails only itself). A body that is not such an array is refused whole.
     */
    public List<String> items(byte[] body, int maxItems) {
        FieldError expected = new FieldError("", "send a JSON array of 1 to " + maxItems + " profiles");
        if (body == null || body.length == 0) throw new InvalidRequestException("Empty request body", List.of(expected));
        String text = decode(body);
        List<String> items = new ArrayList<>();
        try (JsonParser parser = batchParsing.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) throw new InvalidRequestException("Empty request body", List.of(expected));
            if (first != JsonToken.START_ARRAY) throw new InvalidRequestException("Not a batch of profiles", List.of(expected));
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (items.size() == maxItems) {
                    throw new InvalidRequestException("Too many profiles", List.of(new FieldError("/" + maxItems,
                            "at most " + maxItems + " profiles in one batch; send the others in another")));
                }
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                parser.finishToken();
                items.add(text.substring(start, (int) parser.currentLocation().getCharOffset()));
            }
            if (parser.nextToken() != null) {
                throw new InvalidRequestException("Malformed JSON", List.of(new FieldError("",
                        "Trailing token after the array" + where(parser.currentTokenLocation()))));
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InvalidRequestException("Malformed JSON", List.of(new FieldError("", "unreadable body")));
        }
        if (items.isEmpty()) {
            throw new InvalidRequestException("Empty batch", List.of(new FieldError("",
                    "send at least one profile ({} means everything is unknown)")));
        }
        return items;
    }

    public ValidatedProfile validate(JsonNode json) {
        List<FieldError> errors = schema.errors(json);
        if (!errors.isEmpty()) throw new InvalidRequestException("The profile does not match the schema", errors);
        try {
            return new ValidatedProfile(json, mapper.treeToValue(json, ProjectProfile.class));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The profile does not match the schema",
                    List.of(new FieldError("", e.getOriginalMessage())));
        }
    }

    private static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("Empty request body",
                    List.of(new FieldError("", "send a JSON object (the project profile); {} means everything is unknown")));
        }
        try {
            // Strict: Jackson alone lets overlong and surrogate encodings through.
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidRequestException("Malformed JSON", List.of(new FieldError("", "the body is not valid UTF-8")));
        }
    }

    private JsonNode parse(String text) {
        try (JsonParser parser = strictParsing.createParser(text)) {
            JsonNode json = treeReader.readTree(parser);
            if (json == null || json.isMissingNode()) {
                throw new InvalidRequestException("Empty request body",
                        List.of(new FieldError("", "send a JSON object (the project profile); {} means everything is unknown")));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InvalidRequestException("Malformed JSON", List.of(new FieldError("", "unreadable body")));
        }
    }

    private static InvalidRequestException malformed(JsonProcessingException e) {
        String pointer = "";
        if (e.getProcessor() instanceof JsonParser parser) {
            pointer = parser.getParsingContext().pathAsPointer().toString();
        }
        return new InvalidRequestException("Malformed JSON",
                List.of(new FieldError(pointer, plain(e.getOriginalMessage()) + where(e.getLocation()))));
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson's wording without the library's internals (class names, settings, source markers). */
    private static String plain(String message) {
        return message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*\\[Source:.*?\\]", "")
                .replaceAll("\\s*\\(bound as [^)]*\\)", "")
                .replaceAll(",? from `[^`]*`", "")
                .replaceAll(": not allowed as per `[^`]*`", "")
                .replaceAll("`[^`]*`", "")
                .strip();
    }
}
