package io.stackadvisor.engine.facts;

import java.util.Map;

/** The points one topic family gives one side: the weight of its strongest fired claim. */
public record FamilyScore(Side side, String family, int points, String claim) implements TraceFact {
    @Override
    public Map<String, Object> effect() {
        return Map.of("side", side.name(), "family", family, "points", points, "countedClaim", claim);
    }

    @Override
    public String toString() {
        return side + " " + family + " " + points + " (" + claim + ")";
    }
}
