package io.stackadvisor.ruleset;

import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.ruleset.ReloadOutcome.Result;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps this instance on the fleet's live version: the database says which stored version is live
 * (the pointer); it is polled (stack-advisor.rules.follow-interval) and, when it moved, that stored
 * version is compiled from its archive and swapped in.
 */
final class FleetFollower {
    private static final Logger LOG = Logger.getLogger(FleetFollower.class);

    private final RulesetVersions versions;
    private final LiveRuleset live;
    private final Clock clock;
    private final Duration followInterval;
    private volatile ScheduledExecutorService follower;
    /** A live version this instance could not compile (logged once, retried on every poll). */
    private volatile String notFollowed;
    private volatile boolean pollFailing;

    FleetFollower(RulesetVersions versions, LiveRuleset live, Clock clock, Duration followInterval) {
        this.versions = versions;
        this.live = live;
        this.clock = clock;
        this.followInterval = followInterval;
    }

    /** Starts polling the pointer, unless the interval is zero or negative. */
    void start() {
        if (followInterval.isZero() || followInterval.isNegative()) return;
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ruleset-follower");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, followInterval.toMillis());
        follower.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** One check of the pointer; a database outage is logged when it starts and when it ends, not at every poll. */
    private void poll() {
        try {
            follow("fleet");
            if (pollFailing) LOG.info("The fleet's live ruleset can be read again");
            pollFailing = false;
        } catch (Throwable e) {
            if (!pollFailing) {
                LOG.warnf("Cannot read the fleet's live ruleset now (%s); trying again every %s", e.getMessage(), followInterval);
            }
            pollFailing = true;
        }
    }

    /**
     * Switches to the fleet's live version if it is not this instance's: compiled from its stored
     * archive (it passed its gate when stored). Null when nothing changed.
     */
    ReloadOutcome follow(String trigger) {
        String pointer = versions.live().orElse(null);
        if (pointer == null || live.ifVersion(pointer) != null) return null;
        return live.exclusively(() -> {
            Ruleset previous = live.current();
            if (previous != null && previous.version().equals(pointer)) return null;
            long start = System.nanoTime();
            Ruleset next;
            try {
                next = versions.compileFresh(pointer);
            } catch (RulesetException | RuntimeException e) {
                if (!pointer.equals(notFollowed)) {
                    LOG.errorf("The fleet's live ruleset %s does not load here (%s); still serving %s", pointer, e.getMessage(),
                            previous == null ? "nothing" : previous.version());
                    notFollowed = pointer;
                }
                return null;
            }
            notFollowed = null;
            live.replace(previous, next);
            long ms = (System.nanoTime() - start) / 1_000_000;
            ReloadOutcome outcome = new ReloadOutcome(clock.instant(), trigger, Result.APPLIED, pointer, pointer, ms,
                    null, null, null, null);
            LOG.infof("Rules %s live (%s, the fleet's live version): %d rules, %d ms; previous %s", pointer, trigger,
                    next.rules().size(), ms, previous == null ? "none" : previous.version());
            live.publish(outcome);
            return outcome;
        });
    }

    /**
     * The follower is let finish its poll rather than interrupted: an interrupt during H2's file I/O
     * closes its file channel and can leave the embedded database unreadable.
     */
    void stop() {
        ScheduledExecutorService executor = follower;
        if (executor == null) return;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("The ruleset follower did not stop within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
