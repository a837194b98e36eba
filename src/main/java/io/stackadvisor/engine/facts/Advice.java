package io.stackadvisor.engine.facts;

import java.util.Map;

/** Design guidance emitted with a verdict; its text lives in the claim catalogue. */
public record Advice(String claim, Side side) implements TraceFact {
    @Override
    public Map<String, Object> effect() {
        return Map.of("advice", claim);
    }

    @Override
    public String toString() {
        return claim;
    }
}
