package io.stackadvisor.whatif;

import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.ruleset.RulesetVersions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The candidate this instance shadows: follows the version the database says is shadowed and keeps
 * this instance's own compiled copy of it.
 */
final class ShadowCandidate {
    private static final Logger LOG = Logger.getLogger(ShadowService.class);

    private final ShadowCounts counts;
    private final RulesetVersions versions;
    private final Duration refreshInterval;
    /** The candidate this instance shadows now (compiled), or null. */
    private final AtomicReference<Ruleset> candidate = new AtomicReference<>();
    private volatile boolean refreshFailing;
    private volatile String notCompiled;

    ShadowCandidate(ShadowCounts counts, RulesetVersions versions, Duration refreshInterval) {
        this.counts = counts;
        this.versions = versions;
        this.refreshInterval = refreshInterval;
    }

    /** The compiled candidate, or null when nothing is shadowed (or it does not load here). */
    Ruleset get() {
        return candidate.get();
    }

    void refreshQuietly() {
        try {
            refresh();
            if (refreshFailing) LOG.info("The shadowed ruleset can be read again");
            refreshFailing = false;
        } catch (Throwable e) {
            if (!refreshFailing) LOG.warnf("Cannot read the shadowed ruleset now (%s); trying again every %s", e.getMessage(), refreshInterval);
            refreshFailing = true;
        }
    }

    /** Reads which version is shadowed; compiles it when it changed, drops the old candidate when it stopped. */
    synchronized void refresh() {
        String wanted = counts.running().orElse(null);
        Ruleset now = candidate.get();
        if (wanted == null) {
            if (now != null && candidate.compareAndSet(now, null)) {
                LOG.infof("Shadow of %s stopped", now.version());
                now.close();
            }
            return;
        }
        if (now != null && now.version().equals(wanted)) return;
        Ruleset next;
        try {
            next = versions.compileFresh(wanted);
        } catch (RulesetException | RuntimeException e) {
            if (!wanted.equals(notCompiled)) LOG.errorf("The shadowed ruleset %s does not load here (%s)", wanted, e.getMessage());
            notCompiled = wanted;
            return;
        }
        notCompiled = null;
        candidate.set(next);
        if (now != null) now.close();
        LOG.infof("Shadowing %s on live traffic", wanted);
    }

    /** Stops shadowing here: the compiled candidate is closed. */
    void close() {
        Ruleset c = candidate.getAndSet(null);
        if (c != null) c.close();
    }
}
