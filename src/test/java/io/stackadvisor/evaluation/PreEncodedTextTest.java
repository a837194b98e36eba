package io.stackadvisor.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.knowledge.Source;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pre-encoded catalogue texts must give exactly the bytes Jackson's own string writing gives. */
class PreEncodedTextTest {
    private static final ObjectMapper JSON = JsonMappers.standalone();

    record Plain(String name, String statement, List<Source> sources) {
    }

    record PreEncoded(@JsonSerialize(using = PreEncodedText.Text.class) String name,
                      @JsonSerialize(using = PreEncodedText.Text.class) String statement,
                      @JsonSerialize(using = PreEncodedText.Sources.class) List<Source> sources) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain words", "a \"quoted\" word and a back\\slash", "tab\tnew\nline\rbell\u0007 nul\u0000",
            "non-ASCII: Node.js — “event loop” é ü ß 日本", "line separators \u2028 and \u2029", "emoji \uD83D\uDE80",
            "slash / and <script>&amp;</script>", ""})
    void givesTheBytesJacksonWrites(String text) throws Exception {
        List<Source> sources = List.of(new Source("001_x.txt", text), new Source(text, "Best For: Real-time applications"));
        String expected = JSON.writeValueAsString(new Plain(text, text, sources));
        for (int round = 0; round < 3; round++) {
            assertEquals(expected, JSON.writeValueAsString(new PreEncoded(text, text, sources)), "round " + round);
            assertEquals(expected, new String(JSON.writeValueAsBytes(new PreEncoded(text, text, List.copyOf(sources))),
                    java.nio.charset.StandardCharsets.UTF_8), "bytes, round " + round);
        }
    }

    @Test
    void absentTextsAndEmptySourcesAreWrittenAsBefore() throws Exception {
        assertEquals(JSON.writeValueAsString(new Plain(null, null, null)), JSON.writeValueAsString(new PreEncoded(null, null, null)));
        assertEquals(JSON.writeValueAsString(new Plain("r", null, List.of())), JSON.writeValueAsString(new PreEncoded("r", null, List.of())));
    }

    @Test
    void aPrettyPrintingWriterStillGetsValidJsonOfTheSameContent() throws Exception {
        PreEncoded value = new PreEncoded("r", "s", List.of(new Source("d", "q")));
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        assertEquals(JSON.readTree(JSON.writeValueAsString(value)), JSON.readTree(pretty));
    }

    /** A generator made outside an ObjectMapper has no codec to encode the sources with: they are written the usual way. */
    @Test
    void aGeneratorWithoutAnObjectMapperGetsTheSameBytes() throws Exception {
        PreEncoded value = new PreEncoded("r", "s \"q\"", List.of(new Source("001_x.txt", "a “quote”"), new Source("d", "q")));
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            assertNull(generator.getCodec(), "the fallback is what this test reaches");
            JSON.writeValue(generator, value);
        }
        assertEquals(JSON.writeValueAsString(new Plain(value.name(), value.statement(), value.sources())), out.toString());
    }
}
