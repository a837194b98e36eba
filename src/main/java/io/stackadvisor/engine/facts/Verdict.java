package io.stackadvisor.engine.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/** The decision. {@code tieBrokenByTeam} records that equal scores were settled by the team's strong side. */
public record Verdict(Outcome outcome, int margin, boolean tieBrokenByTeam) implements TraceFact {

    public static Verdict of(Outcome outcome, int nodeScore, int pythonScore) {
        return new Verdict(outcome, Math.abs(nodeScore - pythonScore), false);
    }

    public static Verdict tieBrokenBy(Side teamSide) {
        return new Verdict(Outcome.valueOf(teamSide.name()), 0, true);
    }




    @Override
    public Map<String, Object> effect() {
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("verdict", outcome.name());
        effect.put("margin", margin);
        if (tieBrokenByTeam) effect.put("tieBrokenByTeam", true);
        return effect;
    }

    @Override
    public String toString() {
        return outcome + (tieBrokenByTeam ? " (tie broken by team)" : " by " + margin);
    }
}
