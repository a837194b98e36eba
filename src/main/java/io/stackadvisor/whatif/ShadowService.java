package io.stackadvisor.whatif;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.problem.Problem;
import io.stackadvisor.profile.ValidatedProfile;
import io.stackadvisor.ruleset.RulesetService;
import io.stackadvisor.ruleset.RulesetVersionId;
import io.stackadvisor.ruleset.RulesetVersions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final RulesetService rulesets;
    private final RulesetVersions versions;
    private final ShadowCounts counts;
    private final ShadowRunSwitch runs;
    private final ShadowCandidate candidate;
    private final ShadowTally tally;
    private final ShadowComparison comparison;
    private final int threads;
    private final int queue;
    private final Duration refreshInterval;
    private final Duration flushInterval;
    private final Clock clock = Clock.systemUTC();
    private volatile ShadowExecutor executor;
    private volatile ScheduledExecutorService scheduler;

    public ShadowService(RulesetService rulesets, RulesetVersions versions, ShadowCounts counts, ShadowRunSwitch runs,
                         ShadowCountWriter writer,
                         @ConfigProperty(name = "stack-advisor.shadow.threads", defaultValue = "1") int threads,
                         @ConfigProperty(name = "stack-advisor.shadow.queue", defaultValue = "256") int queue,
                         @ConfigProperty(name = "stack-advisor.shadow.refresh-interval", defaultValue = "2s") Duration refreshInterval,
                         @ConfigProperty(name = "stack-advisor.shadow.flush-interval", defaultValue = "1s") Duration flushInterval,
                         @ConfigProperty(name = "stack-advisor.shadow.flush-every", defaultValue = "64") int flushEvery) {
        this.rulesets = rulesets;
        this.versions = versions;
        this.counts = counts;
        this.runs = runs;
        this.candidate = new ShadowCandidate(counts, versions, refreshInterval);
        this.tally = new ShadowTally(writer, Math.max(1, flushEvery));
        this.comparison = new ShadowComparison(tally);
        this.threads = Math.max(1, threads);
        this.queue = Math.max(1, queue);
        this.refreshInterval = refreshInterval;
        this.flushInterval = flushInterval;
    }

    @PostConstruct
    void start() {
        executor = new ShadowExecutor(threads, queue);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ruleset-shadow-follower");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(candidate::refreshQuietly);
        long refresh = Math.max(100, refreshInterval.toMillis());
        scheduler.scheduleWithFixedDelay(candidate::refreshQuietly, refresh, refresh, TimeUnit.MILLISECONDS);
        long flush = Math.max(50, flushInterval.toMillis());
        scheduler.scheduleWithFixedDelay(tally::flush, flush, flush, TimeUnit.MILLISECONDS);
    }

    /** At shutdown, while the database is still open: the last counts are flushed. */
    void stop(@Observes ShutdownEvent stopping) {
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
        tally.flush();
        candidate.close();
    }

    /**
     * After a live evaluation was recorded: the same profile on the shadowed candidate, later, on the
     * shadow's executor. Returns at once; nothing happens when no candidate is shadowed.
     */
    public void offer(ValidatedProfile profile, EngineResult live, String liveVersion) {
        Ruleset shadow = candidate.get();
        if (shadow == null || shadow.version().equals(liveVersion)) return;
        ShadowExecutor e = executor;
        if (e == null || !e.offer(() -> comparison.compare(shadow, profile, live))) tally.dropped(shadow.version());
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
        runs.start(version, clock.instant());
        candidate.refresh();
        return report(version);
    }

    /** Stops the shadow of this version (its counts stay); 404 if it never ran. */
    public ShadowReport stop(String version) {
        if (counts.lastRun(version).isEmpty()) throw notShadowed(version);
        runs.stop(version, clock.instant());
        candidate.refresh();
        tally.flush();
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
}
