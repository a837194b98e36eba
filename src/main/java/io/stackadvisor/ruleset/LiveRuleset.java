package io.stackadvisor.ruleset;

import io.stackadvisor.engine.Ruleset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * This instance's live ruleset, replaced only as a whole and only under one lock (reloads, promotions
 * and the fleet follower take turns), and the outcome of the last load or reload attempt, told to
 * every listener.
 */
final class LiveRuleset {
    private final AtomicReference<Ruleset> live = new AtomicReference<>();
    private final AtomicReference<ReloadOutcome> lastAttempt = new AtomicReference<>();
    private final ReentrantLock reloading = new ReentrantLock();
    private final List<Consumer<ReloadOutcome>> listeners = new CopyOnWriteArrayList<>();

    /** The ruleset to use for one whole evaluation: read it once and keep the reference. */
    Ruleset current() {
        return live.get();
    }

    /** The live ruleset if it is this version, else null. */
    Ruleset ifVersion(String version) {
        Ruleset now = live.get();
        return now != null && now.version().equals(version) ? now : null;
    }

    /** Runs a change of the live ruleset while no other change runs (the lock is reentrant). */
    <T> T exclusively(Supplier<T> change) {
        reloading.lock();
        try {
            return change.get();
        } finally {
            reloading.unlock();
        }
    }

    /** Swaps the next ruleset in; the previous one's sessions are shut down. */
    void replace(Ruleset previous, Ruleset next) {
        live.set(next);
        if (previous != null) previous.close();
    }

    /** Records an attempt and tells the listeners. */
    void publish(ReloadOutcome outcome) {
        lastAttempt.set(outcome);
        listeners.forEach(l -> l.accept(outcome));
    }

    /** Told of every load or reload attempt; at once of the last one, if any. */
    void onReload(Consumer<ReloadOutcome> listener) {
        listeners.add(listener);
        ReloadOutcome last = lastAttempt.get();
        if (last != null) listener.accept(last);
    }

    ReloadOutcome lastAttempt() {
        return lastAttempt.get();
    }

    /** Nothing is live any more; the last ruleset's sessions are shut down. */
    void close() {
        Ruleset last = live.getAndSet(null);
        if (last != null) last.close();
    }
}
