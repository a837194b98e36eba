package io.stackadvisor.ruleset;

import io.quarkus.runtime.Startup;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.engine.RulesetTexts;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProjectProfile;
import io.stackadvisor.ruleset.ReloadOutcome.Result;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the live ruleset and replaces it only as a whole, only with a candidate that passed the
 * {@link RulesetGate}; every version that passes is stored, so records can be rendered on it later.
 * Evaluations read {@link #current()} once, so requests in flight finish on the ruleset they started
 * with and later ones use the new one.
 *
 * <p>One fleet: the database says which stored version is live (the pointer). Every instance polls it
 * (stack-advisor.rules.follow-interval) and, when it moved, compiles that stored version from its
 * archive and swaps it in; a reload gates this instance's folder, stores it and moves the pointer.
 */
@Startup
@ApplicationScoped
public class RulesetService {
    private static final Logger LOG = Logger.getLogger(RulesetService.class);

    private final Path rulesDir;
    private final RulesetGate gate;
    private final RulesetVersions versions;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Ruleset> live = new AtomicReference<>();
    private final AtomicReference<ReloadOutcome> lastAttempt = new AtomicReference<>();
    private final ReentrantLock reloading = new ReentrantLock();
    private final List<Consumer<ReloadOutcome>> listeners = new CopyOnWriteArrayList<>();
    private final boolean publishOnStart;
    private final Duration followInterval;
    private volatile ScheduledExecutorService follower;
    /** A live version this instance could not compile (logged once, retried on every poll). */
    private volatile String notFollowed;
    private volatile boolean pollFailing;

    public RulesetService(@ConfigProperty(name = "stack-advisor.rules.dir", defaultValue = "rules") Path rulesDir,
                          RulesetGate gate, RulesetVersions versions,
                          @ConfigProperty(name = "stack-advisor.rules.publish-on-start", defaultValue = "true") boolean publishOnStart,
                          @ConfigProperty(name = "stack-advisor.rules.follow-interval", defaultValue = "2s") Duration followInterval) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        this.gate = gate;
        this.versions = versions;
        this.publishOnStart = publishOnStart;
        this.followInterval = followInterval;
    }

    /**
     * With a live version stored and publish-on-start off, serves it (compiled from its archive, its
     * gate passed when it was stored). With none, or publish-on-start on, gates the rules folder; if it
     * passes it goes live for the fleet. A folder that does not pass stops the start only when there
     * is no live version to serve instead.
     */
    @PostConstruct
    void loadAtStartup() {
        Optional<String> pointer = versions.live();
        if (pointer.isEmpty() || publishOnStart) {
            ReloadOutcome outcome = reload("startup", true);
            if (outcome.rejected()) {
                if (pointer.isEmpty()) {
                    throw new IllegalStateException("Cannot start: the rules in " + rulesDir + " do not pass their checks: "
                            + outcome.problems() + " " + outcome.failedScenarios());
                }
                LOG.errorf("The rules in %s do not pass their checks; serving the fleet's live version %s", rulesDir, pointer.get());
                follow("startup");
            }
        } else {
            follow("startup");
        }
        if (current() == null) throw new IllegalStateException("Cannot start: the live ruleset " + pointer.orElse("?") + " does not load");
        // One evaluation before the first request: loads the engine's classes and fills the session pool.
        new DecisionEngine().evaluate(current(), new Profile(ProjectProfile.UNKNOWN), true);
        if (!followInterval.isZero() && !followInterval.isNegative()) {
            follower = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "ruleset-follower");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(100, followInterval.toMillis());
            follower.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        }
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
        Ruleset now = live.get();
        if (pointer == null || now != null && now.version().equals(pointer)) return null;
        reloading.lock();
        try {
            Ruleset previous = live.get();
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
            live.set(next);
            if (previous != null) previous.close();
            long ms = (System.nanoTime() - start) / 1_000_000;
            ReloadOutcome outcome = new ReloadOutcome(clock.instant(), trigger, Result.APPLIED, pointer, pointer, ms,
                    null, null, null, null);
            LOG.infof("Rules %s live (%s, the fleet's live version): %d rules, %d ms; previous %s", pointer, trigger,
                    next.rules().size(), ms, previous == null ? "none" : previous.version());
            lastAttempt.set(outcome);
            listeners.forEach(l -> l.accept(outcome));
            return outcome;
        } finally {
            reloading.unlock();
        }
    }

    /** Makes a stored version the fleet's live one, and this instance's at once (the others follow). */
    public void promote(String version, String by) {
        if (!versions.stored(version)) throw RulesetVersionId.notFound("path.version", version);
        reloading.lock();
        try {
            if (!version.equals(versions.live().orElse(null))) versions.promote(version, by);
            follow("promote");
        } finally {
            reloading.unlock();
        }
    }

    /** An uploaded folder through the full gate; stored as a candidate if it passes (never made live here). */
    public RulesetGate.Verdict upload(RulesFiles files) {
        RulesetGate.Verdict verdict = gate.check(files);
        if (verdict.passed()) {
            try {
                versions.store(files, new RulesetVersions.GateReport(clock.instant(), verdict.ruleset().rules().size(),
                        verdict.scenariosPassed(), "upload"));
            } finally {
                verdict.ruleset().close();
            }
        }
        return verdict;
    }

    /** True if this version is stored (passed its gate), so it can be evaluated, rendered, promoted. */
    public boolean isStored(String version) {
        Ruleset now = live.get();
        return now != null && now.version().equals(version) || versions.stored(version);
    }

    /** The fleet's live version (the pointer), if one was ever promoted. */
    public Optional<String> fleetLive() {
        return versions.live();
    }

    /** Told of every load or reload attempt (metrics). */
    public void onReload(Consumer<ReloadOutcome> listener) {
        listeners.add(listener);
        ReloadOutcome last = lastAttempt.get();
        if (last != null) listener.accept(last);
    }

    /** The ruleset to use for one whole evaluation: read it once and keep the reference. */
    public Ruleset current() {
        return live.get();
    }

    /** What answers quote from a version: the live one, or a stored one. */
    public RulesetTexts texts(String version) {
        Ruleset now = live.get();
        return now != null && now.version().equals(version) ? now.texts() : versions.texts(version);
    }

    /** A version ready to evaluate: the live one, or a stored one compiled. */
    public Ruleset compiled(String version) {
        Ruleset now = live.get();
        return now != null && now.version().equals(version) ? now : versions.compiled(version);
    }

    public ReloadOutcome lastAttempt() {
        return lastAttempt.get();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /** The rules folder as it is on disk now, compiled and linted but not live (for impact reports); close it after use. */
    public Ruleset candidate() throws RulesetException {
        return gate.compile(RulesFiles.read(rulesDir));
    }

    /**
     * The follower stops and the live ruleset's sessions are shut down with the service. The follower is
     * let finish its poll rather than interrupted: an interrupt during H2's file I/O closes its file channel
     * and can leave the embedded database unreadable.
     */
    @PreDestroy
    void shutdown() {
        ScheduledExecutorService f = follower;
        if (f != null) stopWithoutInterrupt(f);
        Ruleset last = live.getAndSet(null);
        if (last != null) last.close();
    }

    static void stopWithoutInterrupt(ScheduledExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("The ruleset follower did not stop within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Re-reads the rules folder; swaps the candidate in only if it passes the gate. A version whose
     * gate passed before (stored, or checked when the application was packaged) is compiled only.
     */
    public ReloadOutcome reload(String trigger) {
        return reload(trigger, true);
    }

    /**
     * Re-reads the rules folder and gates it; a version that passes is stored and, with {@code promote},
     * becomes the fleet's live version (the pointer moves) and this instance's at once.
     */
    public ReloadOutcome reload(String trigger, boolean promote) {
        reloading.lock();
        try {
            long start = System.nanoTime();
            Ruleset previous = live.get();
            String liveVersion = previous == null ? null : previous.version();
            RulesetGate.Verdict verdict = check(trigger);
            long ms = (System.nanoTime() - start) / 1_000_000;
            ReloadOutcome outcome;
            if (!verdict.passed()) {
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.REJECTED, liveVersion, verdict.candidateVersion(),
                        ms, verdict.problems(), verdict.failedScenarios(), verdict.uncoveredRules(), verdict.scenariosPassed());
                LOG.errorf("Rules %s rejected (%s, %d ms); still serving %s", verdict.candidateVersion(), trigger, ms, liveVersion);
                verdict.problems().forEach(p -> LOG.error("  " + p));
                verdict.failedScenarios().forEach(f -> LOG.error("  scenario " + f.file() + ": " + f.failures()));
            } else if (!promote) {
                verdict.ruleset().close();
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.STORED, liveVersion, verdict.candidateVersion(),
                        ms, null, null, null, scenarios(verdict));
                LOG.infof("Rules %s stored as a candidate (%s), not live; still serving %s", verdict.candidateVersion(), trigger,
                        liveVersion);
            } else if (movePointer(verdict, trigger) && previous != null && previous.version().equals(verdict.candidateVersion())) {
                verdict.ruleset().close();
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.UNCHANGED, liveVersion, verdict.candidateVersion(),
                        ms, null, null, null, scenarios(verdict));
                LOG.infof("Rules unchanged (%s): %s", trigger, liveVersion);
            } else {
                // The pointer was moved above (movePointer is true or throws).
                live.set(verdict.ruleset());
                if (previous != null) previous.close();
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.APPLIED, verdict.candidateVersion(),
                        verdict.candidateVersion(), ms, null, null, null, scenarios(verdict));
                LOG.infof("Rules %s live (%s): %d rules, %s, %d ms; previous %s", verdict.candidateVersion(), trigger,
                        verdict.ruleset().rules().size(), verdict.scenariosPassed() < 0 ? "gate passed before"
                                : verdict.scenariosPassed() + " scenarios passed", ms, liveVersion);
            }
            lastAttempt.set(outcome);
            listeners.forEach(l -> l.accept(outcome));
            return outcome;
        } finally {
            reloading.unlock();
        }
    }

    /** Moves the fleet's pointer to a version that passed (if it is not there); the candidate is closed if that fails. */
    private boolean movePointer(RulesetGate.Verdict verdict, String trigger) {
        try {
            if (!verdict.candidateVersion().equals(versions.live().orElse(null))) {
                versions.promote(verdict.candidateVersion(), "reload (" + trigger + ")");
            }
            return true;
        } catch (RuntimeException e) {
            verdict.ruleset().close();
            throw e;
        }
    }

    /** Scenarios run by this attempt; none (null) when the version's gate had passed before. */
    private static Integer scenarios(RulesetGate.Verdict verdict) {
        return verdict.scenariosPassed() < 0 ? null : verdict.scenariosPassed();
    }

    /** The gate for a new version (then stored); only a compile for one that passed before. */
    private RulesetGate.Verdict check(String trigger) {
        RulesFiles files;
        try {
            files = RulesFiles.read(rulesDir);
        } catch (RulesetException e) {
            return new RulesetGate.Verdict(null, null, e.problems(), List.of(), List.of(), 0);
        }
        if (versions.passedBefore(files.version())) {
            try {
                Ruleset ruleset = versions.compileKnown(files);
                versions.store(files, new RulesetVersions.GateReport(clock.instant(), ruleset.rules().size(), -1, "build"));
                return new RulesetGate.Verdict(ruleset, files.version(), List.of(), List.of(), List.of(), -1);
            } catch (RulesetException e) {
                LOG.warnf("Version %s passed its gate before but does not compile here; checking it again", files.version());
            }
        }
        RulesetGate.Verdict verdict = gate.check(files);
        if (verdict.passed()) {
            versions.store(files, new RulesetVersions.GateReport(clock.instant(), verdict.ruleset().rules().size(),
                    verdict.scenariosPassed(), trigger));
        }
        return verdict;
    }
}
