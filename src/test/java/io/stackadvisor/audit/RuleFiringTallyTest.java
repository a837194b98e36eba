package io.stackadvisor.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stackadvisor.db.RuleFirings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A batch's firings are summed in memory first: one row per (UTC day, version, rule). */
class RuleFiringTallyTest {
    static EvaluationRecord record(Instant at, String version, String... rules) {
        List<EvaluationRecord.Step> steps = java.util.Arrays.stream(rules)
                .map(r -> new EvaluationRecord.Step(r, Map.of(), Map.of())).toList();
        return new EvaluationRecord(UUID.randomUUID(), at, version, "NODEJS", "high", 1, 0, "n", "{}", steps, List.of(),
                List.of(), false, Set.of(), new byte[32]);
    }

    @Test
    void oneTallyPerDayVersionAndRule() {
        Instant evening = Instant.parse("2026-11-30T23:59:59Z"), later = Instant.parse("2026-11-30T23:59:59.500Z");
        Instant midnight = Instant.parse("2026-12-01T00:00:00Z");
        String longName = "x".repeat(300);
        List<RuleFirings.Tally> tallies = AuditBatchWriter.tally(List.of(record(evening, "v1", "A", "B", "A"),
                record(later, "v1", "A"), record(later, "v2", "A"), record(midnight, "v1", "A", longName)));
        Map<String, RuleFirings.Tally> byKey = tallies.stream()
                .collect(Collectors.toMap(t -> t.day() + " " + t.version() + " " + t.rule(), t -> t));
        assertEquals(5, tallies.size(), byKey.keySet().toString());
        assertEquals(3, byKey.get("2026-11-30 v1 A").fired());
        assertEquals(later, byKey.get("2026-11-30 v1 A").lastFired(), "the latest firing of the day");
        assertEquals(1, byKey.get("2026-11-30 v1 B").fired());
        assertEquals(1, byKey.get("2026-11-30 v2 A").fired(), "versions are counted apart");
        assertEquals(1, byKey.get("2026-12-01 v1 A").fired(), "UTC days");
        assertEquals(LocalDate.parse("2026-12-01"), byKey.get("2026-12-01 v1 " + "x".repeat(255)).day(),
                "an over-long rule name is cut, not refused");
    }
}
