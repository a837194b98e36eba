package io.stackadvisor.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.testing.RealRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The record's stored form: deflated from a preset dictionary that never changes, old records read as before. */
class RecordCodecTest {
    /** Adler-32 of audit/record-dictionary-1.txt. Records name it: the file must never change. */
    static final int DICTIONARY_1 = 52371708;

    final RecordCodec codec = new RecordCodec(RealRules.JSON);

    @Test
    void theDictionaryRecordsNameIsTheOneShipped() {
        assertEquals(Set.of(DICTIONARY_1), RecordCodec.DICTIONARIES.keySet(),
                "audit/record-dictionary-1.txt changed: records written with it could no longer be read. Add a new file instead.");
        byte[] encoded = codec.encode(record());
        assertTrue((encoded[1] & 0x20) != 0, "the zlib header says a dictionary was used");
        int named = ((encoded[2] & 0xff) << 24) | ((encoded[3] & 0xff) << 16) | ((encoded[4] & 0xff) << 8) | (encoded[5] & 0xff);
        assertEquals(DICTIONARY_1, named);
    }

    @Test
    void recordsWrittenWithoutADictionaryReadTheSameAndTheDictionaryMakesThemSmaller() throws Exception {
        EvaluationRecord record = record();
        byte[] now = codec.encode(record);
        byte[] before = RecordsBeforeVersionNumbersTest.deflatedWithoutDictionary(
                RealRules.JSON.writeValueAsBytes(codec.roundTrip(record)));
        assertEquals(codec.decode(before), codec.decode(now));
        assertEquals(codec.roundTrip(record), codec.decode(now));
        assertTrue(now.length * 10 < before.length * 7, now.length + " bytes with the dictionary, " + before.length + " without");
    }

    static EvaluationRecord record() {
        List<EvaluationRecord.Step> steps = List.of(
                new EvaluationRecord.Step("RT-01 real-time workloads favour Node.js", Map.of("workloads", List.of("realtime-messaging")),
                        Map.of("side", "NODEJS", "weight", 3, "anchor", true)),
                new EvaluationRecord.Step("CC-01 thousands of concurrent connections favour Node.js",
                        Map.of("expectedConcurrentConnections", 20000), Map.of("side", "NODEJS", "weight", 3, "anchor", true)),
                new EvaluationRecord.Step("TOTAL Node.js adds up its topic families", Map.of(), Map.of("side", "NODEJS", "score", 6)),
                new EvaluationRecord.Step("TOTAL Python adds up its topic families", Map.of(), Map.of("side", "PYTHON", "score", 0)));
        return new EvaluationRecord(UUID.randomUUID(), java.time.Instant.now(), "sha256:" + "e".repeat(64), "NODEJS", "high", 6, 0,
                "codec", "{\"name\":\"codec\",\"workloads\":[\"realtime-messaging\"],\"expectedConcurrentConnections\":20000}",
                steps, List.of(), List.of("FW-01"), false, Set.of("RT-01", "CC-01"), new byte[32]);
    }
}
