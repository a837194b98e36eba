package io.stackadvisor.engine.facts;

import java.util.Map;

/** A conflict (CF-xx) or scope flag attached to the evaluation. */
public record Flag(String code) implements TraceFact {
    public static final String OUT_OF_SEED_SCOPE = "OUT_OF_SEED_SCOPE";
    public static final String TIE_BROKEN_BY_TEAM = "TIE_BROKEN_BY_TEAM";

    @Override
    public Map<String, Object> effect() {
        return Map.of("flag", code);
    }

    @Override
    public String toString() {
        return code;
    }
}
