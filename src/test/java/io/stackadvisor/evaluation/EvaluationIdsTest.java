package io.stackadvisor.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Evaluation ids are version 7: unique, and ordered by the millisecond they were made in. */
class EvaluationIdsTest {
    @Test
    void idsAreVersion7UniqueAndOrderedAcrossMilliseconds() throws Exception {
        Set<UUID> seen = new HashSet<>();
        UUID previous = null;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 2_000; j++) {
                UUID id = EvaluationRecords.newId();
                assertEquals(7, id.version(), id.toString());
                assertEquals(2, id.variant(), id.toString());
                assertTrue(seen.add(id), "a repeated id: " + id);
            }
            UUID last = EvaluationRecords.newId();
            if (previous != null) {
                assertTrue(previous.toString().compareTo(last.toString()) < 0, previous + " then " + last);
            }
            previous = last;
            Thread.sleep(2);
        }
    }
}
