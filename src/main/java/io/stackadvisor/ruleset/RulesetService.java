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
import java.util.List;
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

    public RulesetService(@ConfigProperty(name = "stack-advisor.rules.dir", defaultValue = "rules") Path rulesDir,
                          RulesetGate gate, RulesetVersions versions) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        this.gate = gate;
        this.versions = versions;
    }

    @PostConstruct
    void loadAtStartup() {
        ReloadOutcome outcome = reload("startup");
        if (outcome.rejected()) {
            throw new IllegalStateException("Cannot start: the rules in " + rulesDir + " do not pass their checks: "
                    + outcome.problems() + " " + outcome.failedScenarios());
        }
        // One evaluation before the first request: loads the engine's classes and fills the session pool.
        new DecisionEngine().evaluate(current(), new Profile(ProjectProfile.UNKNOWN), true);
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

    /** The live ruleset's sessions are shut down with the service. */
    @PreDestroy
    void shutdown() {
        Ruleset last = live.getAndSet(null);
        if (last != null) last.close();
    }

    /**
     * Re-reads the rules folder; swaps the candidate in only if it passes the gate. A version whose
     * gate passed before (stored, or checked when the application was packaged) is compiled only.
     */
    public ReloadOutcome reload(String trigger) {
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
            } else if (previous != null && previous.version().equals(verdict.candidateVersion())) {
                verdict.ruleset().close();
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.UNCHANGED, liveVersion, verdict.candidateVersion(),
                        ms, null, null, null, scenarios(verdict));
                LOG.infof("Rules unchanged (%s): %s", trigger, liveVersion);
            } else {
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
                Ruleset ruleset = gate.compile(files);
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
