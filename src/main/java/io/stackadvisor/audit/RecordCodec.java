package io.stackadvisor.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.stackadvisor.audit.EvaluationRecord.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * The stored form of a record's decision (profile, steps, flags, advice): short-keyed JSON, deflated.
 * The searchable parts (time, verdict, scores, name, version, claims) are columns beside it.
 *
 * <p>Deflate starts from a preset dictionary (audit/record-dictionary-1.txt: the rule names as a step
 * spells them, the profile's field names and values, the record's keys), so what every record repeats
 * costs a few bits instead of its text: about 0.4 of the size without it. The zlib header names the
 * dictionary by its Adler-32, and reading picks it by that: records written without one (before it
 * existed) read as before. A dictionary file never changes once records use it; a better one is added
 * as record-dictionary-2.txt beside it and written from then on, and the old ones stay to read with.
 */
final class RecordCodec {
    /** Every dictionary a record may name, by Adler-32; the last one is written. */
    static final Map<Integer, byte[]> DICTIONARIES = new java.util.LinkedHashMap<>();
    static final byte[] DICTIONARY;

    static {
        byte[] dictionary = resource("record-dictionary-1.txt");
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(dictionary);
        DICTIONARIES.put((int) adler.getValue(), dictionary);
        DICTIONARY = dictionary;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Stored(@JsonProperty("p") String profile, @JsonProperty("s") List<StoredStep> steps,
                  @JsonProperty("f") List<String> flags, @JsonProperty("a") List<String> advice,
                  @JsonProperty("x") boolean explained, @JsonProperty("c") java.util.Set<String> claims) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record StoredStep(@JsonProperty("r") String rule, @JsonProperty("m") Map<String, Object> matched,
                      @JsonProperty("e") Map<String, Object> effect) {
    }

    /**
     * Setting up zlib's state costs more than compressing a record of a few KB, so deflaters are reused:
     * at most one per evaluation encoding at the same moment, each reset after use.
     */
    private static final Queue<Deflater> DEFLATERS = new ConcurrentLinkedQueue<>();

    private final ObjectMapper json;
    private final ObjectReader reader;

    RecordCodec(ObjectMapper json) {
        this.json = json;
        // Numbers come back as they were written: integers as integers, decimals exactly.
        this.reader = json.readerFor(Stored.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    byte[] encode(EvaluationRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) deflater = new Deflater();
        try {
            deflater.setDictionary(DICTIONARY);
            // A stream given its own deflater leaves it open on close, for the next record.
            try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
                json.writeValue(out, stored(record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.reset();
            DEFLATERS.offer(deflater);
        }
        return bytes.toByteArray();
    }

    /** What {@code decode(encode(record))} gives, without the compression (lossless) in between. */
    Stored roundTrip(EvaluationRecord record) {
        try {
            return reader.readValue(json.writeValueAsBytes(stored(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stored stored(EvaluationRecord record) {
        return new Stored(record.profile(),
                record.steps().stream().map(s -> new StoredStep(s.rule(), s.matched(), s.effect())).toList(),
                record.flags(), record.advice(), record.explained(), record.claimsFired());
    }

    Stored decode(byte[] bytes) {
        try {
            return reader.readValue(inflate(bytes));
        } catch (IOException | DataFormatException e) {
            throw new UncheckedIOException("a stored evaluation record cannot be read",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Records written without a dictionary (before it existed) inflate as they are; others name theirs. */
    static byte[] inflate(byte[] bytes) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 8);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n > 0) {
                    out.write(buffer, 0, n);
                } else if (inflater.needsDictionary()) {
                    byte[] dictionary = DICTIONARIES.get(inflater.getAdler());
                    if (dictionary == null) throw new DataFormatException("unknown record dictionary " + inflater.getAdler());
                    inflater.setDictionary(dictionary);
                } else if (inflater.needsInput()) {
                    throw new DataFormatException("a stored evaluation record is cut short");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = RecordCodec.class.getResourceAsStream("/audit/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource audit/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Step> steps(Stored stored) {
        return stored.steps() == null ? List.of() : stored.steps().stream()
                .map(s -> new Step(s.rule(), s.matched() == null ? Map.of() : s.matched(), s.effect())).toList();
    }
}
