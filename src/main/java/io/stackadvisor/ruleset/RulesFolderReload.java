package io.stackadvisor.ruleset;

import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.ruleset.ReloadOutcome.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Re-reads the rules folder and gates it: a version that passes is stored and, when promoted, moves the
 * fleet's pointer and goes live here at once; one that does not pass changes nothing.
 */
final class RulesFolderReload {
    private static final Logger LOG = Logger.getLogger(RulesFolderReload.class);

    private final Path rulesDir;
    private final RulesetGate gate;
    private final RulesetVersions versions;
    private final LiveRuleset live;
    private final Clock clock;

    RulesFolderReload(Path rulesDir, RulesetGate gate, RulesetVersions versions, LiveRuleset live, Clock clock) {
        this.rulesDir = rulesDir;
        this.gate = gate;
        this.versions = versions;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Re-reads the rules folder and gates it; a version that passes is stored and, with {@code promote},
     * becomes the fleet's live version (the pointer moves) and this instance's at once.
     */
    ReloadOutcome reload(String trigger, boolean promote) {
        return live.exclusively(() -> {
            long start = System.nanoTime();
            Ruleset previous = live.current();
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
                live.replace(previous, verdict.ruleset());
                outcome = new ReloadOutcome(clock.instant(), trigger, Result.APPLIED, verdict.candidateVersion(),
                        verdict.candidateVersion(), ms, null, null, null, scenarios(verdict));
                LOG.infof("Rules %s live (%s): %d rules, %s, %d ms; previous %s", verdict.candidateVersion(), trigger,
                        verdict.ruleset().rules().size(), verdict.scenariosPassed() < 0 ? "gate passed before"
                                : verdict.scenariosPassed() + " scenarios passed", ms, liveVersion);
            }
            live.publish(outcome);
            return outcome;
        });
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
