package io.stackadvisor.engine.facts;

import java.util.Map;

/** The points one topic family gives one side: the weight of its strongest fired claim. */
public record FamilyScore(Side side, String family, int points, String claim) implements TraceFact {
    @Override
    public Map<String, Object> effect() {
        Map<String, Object> effect = new java.util.LinkedHashMap<>();
        effect.put("side", side.name());
        effect.put("family", family);
        effect.put("points", points);
        effect.put("countedClaim", claim);
        return effect;
    }

    @Override
    public String toString() {
        return side + " " + family + " " + points + " (" + claim + ")";
    }
}
