package io.stackadvisor.engine;

import io.stackadvisor.engine.facts.Advice;
import io.stackadvisor.engine.facts.Confidence;
import io.stackadvisor.engine.facts.Evidence;
import io.stackadvisor.engine.facts.FamilyScore;
import io.stackadvisor.engine.facts.Flag;
import io.stackadvisor.engine.facts.Outcome;
import java.util.List;

/** What the rules concluded for one profile, read from the facts they derived. */
public record EngineResult(
        Outcome verdict,
        Confidence.Level confidence,
        int nodeScore,
        int pythonScore,
        List<Evidence> evidence,
        List<FamilyScore> familyScores,
        List<Advice> advice,
        List<Flag> flags,
        List<TraceStep> trace) {
}
