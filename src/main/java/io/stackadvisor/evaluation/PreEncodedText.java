package io.stackadvisor.evaluation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.stackadvisor.knowledge.Source;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Catalogue texts (rule names, statements, quotes with their sources) fill most of an evaluation document
 * and are the same in every answer: each is encoded as JSON once and then copied as bytes. The bytes are
 * what Jackson's own string writing gives ({@code PreEncodedTextTest} compares both), so documents do
 * not change; a text that is not cached yet (or a runaway catalogue past the bound) is encoded as usual.
 */
final class PreEncodedText {
    /** A ruleset quotes a few hundred texts; the bound only keeps a runaway from growing the maps. */
    private static final int MAX_ENTRIES = 20_000;
    private static final Map<String, SerializedString> TEXTS = new ConcurrentHashMap<>();
    private static final Map<List<Source>, SerializedString> SOURCES = new ConcurrentHashMap<>();

    private PreEncodedText() {
    }

    static <K> SerializedString cached(Map<K, SerializedString> cache, K key, Supplier<String> json) {
        SerializedString encoded = cache.get(key);
        if (encoded == null) {
            encoded = new SerializedString(json.get());
            if (cache.size() < MAX_ENTRIES) cache.putIfAbsent(key, encoded);
        }
        return encoded;
    }

    /** A string value: its quoted UTF-8 form is kept with it. */
    static final class Text extends JsonSerializer<String> {
        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(cached(TEXTS, value, () -> value));
        }
    }

    /** A claim's quotes and their articles, as the JSON array Jackson writes for them, copied raw. */
    static final class Sources extends JsonSerializer<List<Source>> {
        @Override
        public void serialize(List<Source> sources, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!(generator.getCodec() instanceof ObjectMapper mapper)) {
                provider.findValueSerializer(List.class).serialize(sources, generator, provider);
                return;
            }
            generator.writeRawValue(cached(SOURCES, sources, () -> encode(sources, mapper)));
        }

        private static String encode(List<Source> sources, ObjectMapper mapper) {
            try {
                return mapper.writeValueAsString(sources);
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode a claim's sources", e);
            }
        }
    }
}
