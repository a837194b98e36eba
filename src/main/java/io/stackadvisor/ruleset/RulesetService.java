package io.stackadvisor.ruleset;

import io.quarkus.runtime.Startup;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.ruleset.ReloadOutcome.Result;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.profile.ProfileReader;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the live ruleset and replaces it only as a whole, only with a candidate that passed the
 * {@link RulesetGate}. Evaluations read {@link #current()} once, so requests in flight finish on the
 * ruleset they started with and later ones use the new one.
 */
@Startup
@ApplicationScoped
public class RulesetService {
    private static final Logger LOG = Logger.getLogger(RulesetService.class);

    private final Path rulesDir;
    private final RulesetGate gate;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Ruleset> live = new AtomicReference<>();
    private final AtomicReference<ReloadOutcome> lastAttempt = new AtomicReference<>();
    private final ReentrantLock reloading = new ReentrantLock();
    private final java.util.List<java.util.function.Consumer<ReloadOutcome>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RulesetService(@ConfigProperty(name = "stack-advisor.rules.dir", defaultValue = "rules") Path rulesDir,
                          @ConfigProperty(name = "stack-advisor.rules.require-coverage", defaultValue = "true") boolean requireCoverage,
                          ObjectMapper json, ProfileReader reader) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        this.gate = new RulesetGate(clock, json, reader, requireCoverage);
    }

    @PostConstruct
    void loadAtStartup() {
        ReloadOutcome outcome = reload("startup");
        if (outcome.rejected()) {
            throw new IllegalStateException("Cannot start: the rules in " + rulesDir + " do not pass their checks: "
                    + outcome.problems() + " " + outcome.failedScenarios());
        }
    }

    /** Told of every load or reload attempt (metrics). */
    public void onReload(java.util.function.Consumer<ReloadOutcome> listener) {
        listeners.add(listener);
        ReloadOutcome last = lastAttempt.get();
        if (last != null) listener.accept(last);
    }

    /** The ruleset to use for one whole evaluation: read it once and keep the reference. */
    public Ruleset current() {
        return live.get();
    }

    public ReloadOutcome lastAttempt() {
        return lastAttempt.get();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /** The rules folder as it is on disk now, compiled and linted but not live (for impact reports); close it after use. */
    public Ruleset candidate() throws RulesetException {
        return gate.compile(rulesDir);
    }

    /** The live ruleset's sessions are shut down with the service. */
    @PreDestroy
    void shutdown() {
        Ruleset last = live.getAndSet(null);
        if (last != null) last.close();
    }

    /** Re-reads the rules folder; swaps the candidate in only if it passes the gate. */
    public ReloadOutcome reload(String trigger) {
        reloading.lock();
        try {
            long start = System.nanoTime();
            RulesetGate.Verdict verdict = gate.check(rulesDir);
            long ms = (System.nanoTime() - start) / 1_000_000;
            Ruleset previous = live.get();
            String liveVersion = previous == null ? null : previous.version();
            ReloadOutcome outcome;
            if (!verdict.passed()) {
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.REJECTED, liveVersion, verdict.candidateVersion(),
                        ms, verdict.problems(), verdict.failedScenarios(), verdict.uncoveredRules(), verdict.scenariosPassed());
                LOG.errorf("Rules %s rejected (%s, %d ms); still serving %s", verdict.candidateVersion(), trigger, ms, liveVersion);
                verdict.problems().forEach(p -> LOG.error("  " + p));
                verdict.failedScenarios().forEach(f -> LOG.error("  scenario " + f.file() + ": " + f.failures()));
            } else if (previous != null && previous.version().equals(verdict.candidateVersion())) {
                verdict.ruleset().close();
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.UNCHANGED, liveVersion, verdict.candidateVersion(),
                        ms, null, null, null, verdict.scenariosPassed());
                LOG.infof("Rules unchanged (%s): %s", trigger, liveVersion);
            } else {
                live.set(verdict.ruleset());
                if (previous != null) previous.close();
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.APPLIED, verdict.candidateVersion(),
                        verdict.candidateVersion(), ms, null, null, null, verdict.scenariosPassed());
                LOG.infof("Rules %s live (%s): %d rules, %d scenarios passed, %d ms; previous %s", verdict.candidateVersion(),
                        trigger, verdict.ruleset().rules().size(), verdict.scenariosPassed(), ms, liveVersion);
            }
            lastAttempt.set(outcome);
            listeners.forEach(l -> l.accept(outcome));
            return outcome;
        } finally {
            reloading.unlock();
        }
    }
}
