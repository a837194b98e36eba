package io.stackadvisor.whatif;

import java.util.List;
import java.util.Map;

/** What one instance counted for a version since its last flush. */
record ShadowBatch(String version, long compared, long agreed, long dropped, Map<Pair, FlipDelta> flips,
                   Map<String, long[]> claims) {
    /** Example profiles kept per flip, by an instance and in the database. */
    static final int EXAMPLES = 3;

    boolean empty() {
        return compared == 0 && dropped == 0;
    }

    record Pair(String from, String to) {
    }

    /** Flips of one pair and the example profiles (JSON) this instance kept, at most {@link ShadowBatch#EXAMPLES}. */
    record FlipDelta(long count, List<String> examples) {
    }
}
