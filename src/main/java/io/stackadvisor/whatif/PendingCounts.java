package io.stackadvisor.whatif;

import io.stackadvisor.profile.ValidatedProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What this instance counted for one version since the last flush. */
final class PendingCounts {
    private final String version;
    private long compared;
    private long agreed;
    private long dropped;
    private Map<ShadowBatch.Pair, long[]> flips = new HashMap<>();
    private Map<ShadowBatch.Pair, List<String>> examples = new HashMap<>();
    private Map<String, long[]> claims = new HashMap<>();

    PendingCounts(String version) {
        this.version = version;
    }

    synchronized void dropped() {
        dropped++;
    }

    synchronized int compared(String from, String to, ValidatedProfile profile, List<String> more, List<String> fewer) {
        compared++;
        if (from.equals(to)) {
            agreed++;
        } else {
            ShadowBatch.Pair pair = new ShadowBatch.Pair(from, to);
            flips.computeIfAbsent(pair, k -> new long[1])[0]++;
            List<String> kept = examples.computeIfAbsent(pair, k -> new ArrayList<>());
            if (kept.size() < ShadowBatch.EXAMPLES) kept.add(profile.json().toString()); // only the few kept are written out
        }
        for (String c : more) claims.computeIfAbsent(c, k -> new long[2])[0]++;
        for (String c : fewer) claims.computeIfAbsent(c, k -> new long[2])[1]++;
        return (int) Math.min(Integer.MAX_VALUE, compared);
    }

    synchronized ShadowBatch drain() {
        Map<ShadowBatch.Pair, ShadowBatch.FlipDelta> flipDeltas = new HashMap<>();
        flips.forEach((pair, n) -> flipDeltas.put(pair, new ShadowBatch.FlipDelta(n[0], examples.getOrDefault(pair, List.of()))));
        ShadowBatch batch = new ShadowBatch(version, compared, agreed, dropped, flipDeltas, claims);
        compared = 0;
        agreed = 0;
        dropped = 0;
        flips = new HashMap<>();
        examples = new HashMap<>();
        claims = new HashMap<>();
        return batch;
    }

    synchronized void putBack(ShadowBatch batch) {
        compared += batch.compared();
        agreed += batch.agreed();
        dropped += batch.dropped();
        batch.flips().forEach((pair, delta) -> {
            flips.computeIfAbsent(pair, k -> new long[1])[0] += delta.count();
            List<String> kept = examples.computeIfAbsent(pair, k -> new ArrayList<>());
            for (String e : delta.examples()) if (kept.size() < ShadowBatch.EXAMPLES) kept.add(e);
        });
        batch.claims().forEach((c, n) -> {
            long[] mine = claims.computeIfAbsent(c, k -> new long[2]);
            mine[0] += n[0];
            mine[1] += n[1];
        });
    }
}
