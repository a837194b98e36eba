package io.stackadvisor.engine;

import io.stackadvisor.engine.facts.Advice;
import io.stackadvisor.engine.facts.Confidence;
import io.stackadvisor.engine.facts.Evidence;
import io.stackadvisor.engine.facts.FamilyScore;
import io.stackadvisor.engine.facts.Flag;
import io.stackadvisor.engine.facts.Outcome;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.engine.facts.Score;
import io.stackadvisor.engine.facts.Side;
import io.stackadvisor.engine.facts.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.KieSession;

/**
 * Runs one profile through a ruleset: a session from the ruleset's pool, the phases focused in order,
 * the derived facts read back, the session reset and returned. A session serves one evaluation at a
 * time, so evaluations run in parallel freely.
 */
public final class DecisionEngine {
    /** A ruleset that loops would otherwise hang the request; no sane evaluation fires this often. */
    static final int MAX_FIRINGS = 5_000;

    public EngineResult evaluate(Ruleset ruleset, Profile profile, boolean withTrace) {
        SessionRecorder recorder = new SessionRecorder(ruleset);
        try (RulesetSessions.Lease lease = ruleset.sessions().acquire()) {
            KieSession session = lease.session();
            session.addEventListener(recorder);
            session.insert(profile);
            for (Phase phase : Phase.inFocusPushOrder()) {
                session.getAgenda().getAgendaGroup(phase.group()).setFocus();
            }
            int fired = withTrace ? session.fireAllRules(recorder, MAX_FIRINGS) : session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("ruleset " + ruleset.version() + " did not settle after "
                        + MAX_FIRINGS + " rule firings");
            }
        }
        return read(recorder);
    }

    private static EngineResult read(SessionRecorder recorder) {
        List<Evidence> evidence = new ArrayList<>();
        List<FamilyScore> familyScores = new ArrayList<>();
        List<Advice> advice = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        Verdict verdict = null;
        Confidence confidence = null;
        int node = 0;
        int python = 0;
        for (Object fact : recorder.derived()) {
            if (fact instanceof Evidence e) evidence.add(e);
            else if (fact instanceof FamilyScore f) familyScores.add(f);
            else if (fact instanceof Advice a) advice.add(a);
            else if (fact instanceof Flag f && !flags.contains(f)) flags.add(f);
            else if (fact instanceof Verdict v) verdict = v;
            else if (fact instanceof Confidence c) confidence = c;
            else if (fact instanceof Score s && s.side() == Side.NODEJS) node = s.points();
            else if (fact instanceof Score s && s.side() == Side.PYTHON) python = s.points();
        }
        if (verdict == null || confidence == null) {
            throw new IllegalStateException("the ruleset reached no " + (verdict == null ? "verdict" : "confidence"));
        }
        return new EngineResult(verdict.outcome(), confidence.level(), node, python, List.copyOf(evidence), List.copyOf(familyScores),
                List.copyOf(advice), List.copyOf(flags), List.copyOf(recorder.trace()));
    }

}
