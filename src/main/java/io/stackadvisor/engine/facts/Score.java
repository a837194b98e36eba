package io.stackadvisor.engine.facts;

import java.util.Map;

/** A side's total: the sum of its family scores. */
public record Score(Side side, int points) implements TraceFact {
    @Override
    public Map<String, Object> effect() {
        Map<String, Object> effect = new java.util.LinkedHashMap<>();
        effect.put("side", side.name());
        effect.put("score", points);
        return effect;
    }

    @Override
    public String toString() {
        return side + " " + points;
    }
}
