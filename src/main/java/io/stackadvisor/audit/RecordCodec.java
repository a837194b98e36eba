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
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The stored form of a record's decision (profile, steps, flags, advice): short-keyed JSON, deflated.
 * The searchable parts (time, verdict, scores, name, version, claims) are columns beside it.
 */
final class RecordCodec {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Stored(@JsonProperty("p") String profile, @JsonProperty("s") List<StoredStep> steps,
                  @JsonProperty("f") List<String> flags, @JsonProperty("a") List<String> advice,
                  @JsonProperty("x") boolean explained, @JsonProperty("c") java.util.Set<String> claims) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record StoredStep(@JsonProperty("r") String rule, @JsonProperty("m") Map<String, Object> matched,
                      @JsonProperty("e") Map<String, Object> effect) {
    }

    private final ObjectMapper json;
    private final ObjectReader reader;

    RecordCodec(ObjectMapper json) {
        this.json = json;
        // Numbers come back as they were written: integers as integers, decimals exactly.
        this.reader = json.readerFor(Stored.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    byte[] encode(EvaluationRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            json.writeValue(out, stored(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return reader.readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored evaluation record cannot be read", e);
        }
    }

    static List<Step> steps(Stored stored) {
        return stored.steps() == null ? List.of() : stored.steps().stream()
                .map(s -> new Step(s.rule(), s.matched() == null ? Map.of() : s.matched(), s.effect())).toList();
    }
}
