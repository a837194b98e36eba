package io.stackadvisor.whatif;

import io.quarkus.runtime.Startup;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.problem.Problem;
import io.stackadvisor.profile.ValidatedProfile;
import io.stackadvisor.ruleset.RulesetService;
import io.stackadvisor.ruleset.RulesetVersionId;
import io.stackadvisor.ruleset.RulesetVersions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Champion/challenger: live traffic also runs on a stored candidate, off the request path. After a
 * live evaluation is recorded, {@link #offer} hands the profile and the live result to a bounded
 * executor (full: the sample is dropped and counted; the caller never waits). The shadow task
 * evaluates the profile on the candidate and compares verdicts and fired claims.
 *
 * <p>One shadow for the fleet: the database says which version is shadowed (ruleset_shadow); every
 * instance reads it every stack-advisor.shadow.refresh-interval and compiles its own copy of the
 * candidate. Counts accumulate per instance and are added to the database every
 * stack-advisor.shadow.flush-interval, every stack-advisor.shadow.flush-every samples and at
 * shutdown: the shared numbers are eventually consistent (a few seconds behind).
 */
@Startup
@ApplicationScoped
public class ShadowService {
    private static final Logger LOG = Logger.getLogger(ShadowService.class);

    private final RulesetService rulesets;
    private final RulesetVersions versions;
    private final ShadowCounts counts;
    private final int threads;
    private final int queue;
    private final Duration refreshInterval;
    private final Duration flushInterval;
    private final int flushEvery;
    private final DecisionEngine engine = new DecisionEngine();
    private final Clock clock = Clock.systemUTC();
    /** The candidate this instance shadows now (compiled), or null. */
    private final AtomicReference<Ruleset> candidate = new AtomicReference<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private volatile ShadowExecutor executor;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean refreshFailing;
    private volatile String notCompiled;

    public ShadowService(RulesetService rulesets, RulesetVersions versions, ShadowCounts counts,
                         @ConfigProperty(name = "stack-advisor.shadow.threads", defaultValue = "1") int threads,
                         @ConfigProperty(name = "stack-advisor.shadow.queue", defaultValue = "256") int queue,
                         @ConfigProperty(name = "stack-advisor.shadow.refresh-interval", defaultValue = "2s") Duration refreshInterval,
                         @ConfigProperty(name = "stack-advisor.shadow.flush-interval", defaultValue = "1s") Duration flushInterval,
                         @ConfigProperty(name = "stack-advisor.shadow.flush-every", defaultValue = "64") int flushEvery) {
        this.rulesets = rulesets;
        this.versions = versions;
        this.counts = counts;
        this.threads = Math.max(1, threads);
        this.queue = Math.max(1, queue);
        this.refreshInterval = refreshInterval;
        this.flushInterval = flushInterval;
        this.flushEvery = Math.max(1, flushEvery);
    }

    @PostConstruct
    void start() {
        executor = new ShadowExecutor(threads, queue);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ruleset-shadow-follower");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(this::refreshQuietly);
        long refresh = Math.max(100, refreshInterval.toMillis());
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, refresh, refresh, TimeUnit.MILLISECONDS);
        long flush = Math.max(50, flushInterval.toMillis());
        scheduler.scheduleWithFixedDelay(this::flushQuietly, flush, flush, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            // Not shutdownNow(): an interrupt during H2's file I/O closes its file channel and can corrupt the file.
            s.shutdown();
            try {
                s.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ShadowExecutor e = executor;
        if (e != null) e.shutdown(2_000);
        flushQuietly();
        Ruleset c = candidate.getAndSet(null);
        if (c != null) c.close();
    }

    /**
     * After a live evaluation was recorded: the same profile on the shadowed candidate, later, on the
     * shadow's executor. Returns at once; nothing happens when no candidate is shadowed.
     */
    public void offer(ValidatedProfile profile, EngineResult live, String liveVersion) {
        Ruleset shadow = candidate.get();
        if (shadow == null || shadow.version().equals(liveVersion)) return;
        ShadowExecutor e = executor;
        if (e == null || !e.offer(() -> compare(shadow, profile, live))) pending(shadow.version()).dropped();
    }

    private void compare(Ruleset shadow, ValidatedProfile profile, EngineResult live) {
        EngineResult result;
        try {
            result = engine.evaluate(shadow, new Profile(profile.profile()), true);
        } catch (RuntimeException e) {
            // The candidate was swapped out (closed) while this sample waited: counted as dropped.
            LOG.debugf("A shadow sample on %s did not run: %s", shadow.version(), e.getMessage());
            pending(shadow.version()).dropped();
            return;
        }
        Set<String> before = claims(live);
        Set<String> after = claims(result);
        List<String> more = after.stream().filter(c -> !before.contains(c)).toList();
        List<String> fewer = before.stream().filter(c -> !after.contains(c)).toList();
        Pending p = pending(shadow.version());
        int waiting = p.compared(live.verdict().name(), result.verdict().name(), profile, more, fewer);
        if (waiting >= flushEvery) flushQuietly();
    }

    private static Set<String> claims(EngineResult result) {
        Set<String> claims = new LinkedHashSet<>();
        for (TraceStep step : result.trace()) if (step.rule().encodesClaim()) claims.add(step.rule().claim());
        return claims;
    }

    private Pending pending(String version) {
        synchronized (pending) {
            return pending.computeIfAbsent(version, Pending::new);
        }
    }

    /** Starts shadowing a stored version for the fleet (this instance at once, the others within the refresh interval). */
    public ShadowReport start(String version) {
        if (!versions.stored(version)) throw RulesetVersionId.notFound("path.version", version);
        Ruleset live = rulesets.current();
        if (live != null && live.version().equals(version) || version.equals(rulesets.fleetLive().orElse(null))) {
            throw Problem.of(409, "shadow-of-live-version", "The live version cannot be shadowed",
                    "The version " + version + " is live: a shadow compares a candidate with the live version. Upload a "
                            + "candidate (POST /api/v1/rulesets) and shadow that.").toException();
        }
        counts.start(version, clock.instant());
        refresh();
        return report(version);
    }

    /** Stops the shadow of this version (its counts stay); 404 if it never ran. */
    public ShadowReport stop(String version) {
        if (counts.lastRun(version).isEmpty()) throw notShadowed(version);
        counts.stop(version, clock.instant());
        refresh();
        flushQuietly();
        return report(version);
    }

    /** The shared counts of a version's shadow; 404 if it never ran. */
    public ShadowReport report(String version) {
        ShadowCounts.Run run = counts.lastRun(version).orElseThrow(() -> notShadowed(version));
        return ShadowReport.of(run, counts.totals(version));
    }

    private RuntimeException notShadowed(String version) {
        if (!versions.stored(version)) return RulesetVersionId.notFound("path.version", version);
        return Problem.of(404, "shadow-not-found", "Shadow not found",
                "The version " + version + " was never shadowed (POST /api/v1/rulesets/" + version + "/shadow starts it).")
                .toException();
    }

    private void refreshQuietly() {
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

    private void flushQuietly() {
        List<Pending> all;
        synchronized (pending) {
            all = new ArrayList<>(pending.values());
        }
        for (Pending p : all) {
            ShadowCounts.Batch batch = p.drain();
            if (batch.empty()) continue;
            try {
                counts.add(batch);
            } catch (RuntimeException e) {
                LOG.debugf("Shadow counts not written now (%s); kept for the next flush", e.getMessage());
                p.putBack(batch);
            }
        }
    }

    /** What this instance counted for one version since the last flush. */
    private static final class Pending {
        private final String version;
        private long compared;
        private long agreed;
        private long dropped;
        private Map<ShadowCounts.Pair, long[]> flips = new HashMap<>();
        private Map<ShadowCounts.Pair, List<String>> examples = new HashMap<>();
        private Map<String, long[]> claims = new HashMap<>();

        Pending(String version) {
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
                ShadowCounts.Pair pair = new ShadowCounts.Pair(from, to);
                flips.computeIfAbsent(pair, k -> new long[1])[0]++;
                List<String> kept = examples.computeIfAbsent(pair, k -> new ArrayList<>());
                if (kept.size() < ShadowCounts.EXAMPLES) kept.add(profile.json().toString()); // only the few kept are written out
            }
            for (String c : more) claims.computeIfAbsent(c, k -> new long[2])[0]++;
            for (String c : fewer) claims.computeIfAbsent(c, k -> new long[2])[1]++;
            return (int) Math.min(Integer.MAX_VALUE, compared);
        }

        synchronized ShadowCounts.Batch drain() {
            Map<ShadowCounts.Pair, ShadowCounts.FlipDelta> flipDeltas = new HashMap<>();
            flips.forEach((pair, n) -> flipDeltas.put(pair, new ShadowCounts.FlipDelta(n[0], examples.getOrDefault(pair, List.of()))));
            ShadowCounts.Batch batch = new ShadowCounts.Batch(version, compared, agreed, dropped, flipDeltas, claims);
            compared = 0;
            agreed = 0;
            dropped = 0;
            flips = new HashMap<>();
            examples = new HashMap<>();
            claims = new HashMap<>();
            return batch;
        }

        synchronized void putBack(ShadowCounts.Batch batch) {
            compared += batch.compared();
            agreed += batch.agreed();
            dropped += batch.dropped();
            batch.flips().forEach((pair, delta) -> {
                flips.computeIfAbsent(pair, k -> new long[1])[0] += delta.count();
                List<String> kept = examples.computeIfAbsent(pair, k -> new ArrayList<>());
                for (String e : delta.examples()) if (kept.size() < ShadowCounts.EXAMPLES) kept.add(e);
            });
            batch.claims().forEach((c, n) -> {
                long[] mine = claims.computeIfAbsent(c, k -> new long[2]);
                mine[0] += n[0];
                mine[1] += n[1];
            });
        }
    }
}
