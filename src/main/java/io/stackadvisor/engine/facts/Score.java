package io.stackadvisor.engine.facts;

import java.util.Map;

/** A side's total: the sum of its family scores. */
public record Score(Side side, int points) implements TraceFact {
    @Override
    public Map<String, Object> effect() {
        return Map.of("side", side.name(), "score", points);
    }

    @Override
    public String toString() {
        return side + " " + points;
    }
}
