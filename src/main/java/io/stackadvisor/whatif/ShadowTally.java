package io.stackadvisor.whatif;

import io.stackadvisor.profile.ValidatedProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * This instance's counts per shadowed version, added to the shared counts on {@link #flush} (on a
 * timer, at shutdown, and once a version has flushEvery samples waiting). A failed write keeps the
 * counts for the next flush.
 */
final class ShadowTally {
    private static final Logger LOG = Logger.getLogger(ShadowService.class);

    private final ShadowCountWriter writer;
    private final int flushEvery;
    private final Map<String, PendingCounts> pending = new HashMap<>();

    ShadowTally(ShadowCountWriter writer, int flushEvery) {
        this.writer = writer;
        this.flushEvery = flushEvery;
    }

    /** A sample of this version that did not run. */
    void dropped(String version) {
        pending(version).dropped();
    }

    /** A sample of this version that ran: its verdicts on live and on the candidate, and the claims that fired only on one. */
    void compared(String version, String from, String to, ValidatedProfile profile, List<String> more, List<String> fewer) {
        int waiting = pending(version).compared(from, to, profile, more, fewer);
        if (waiting >= flushEvery) flush();
    }

    private PendingCounts pending(String version) {
        synchronized (pending) {
            return pending.computeIfAbsent(version, PendingCounts::new);
        }
    }

    void flush() {
        List<PendingCounts> all;
        synchronized (pending) {
            all = new ArrayList<>(pending.values());
        }
        for (PendingCounts p : all) {
            ShadowBatch batch = p.drain();
            if (batch.empty()) continue;
            try {
                writer.add(batch);
            } catch (RuntimeException e) {
                LOG.debugf("Shadow counts not written now (%s); kept for the next flush", e.getMessage());
                p.putBack(batch);
            }
        }
    }
}
