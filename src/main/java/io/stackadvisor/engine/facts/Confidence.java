package io.stackadvisor.engine.facts;

import java.util.Map;

/** How sure the verdict is (rules/decision/9-confidence.drl). */
public record Confidence(Level level) implements TraceFact {
    public enum Level { HIGH, MEDIUM, LOW, NONE }

    public static Confidence of(Level level) {
        return new Confidence(level);
    }

    @Override
    public Map<String, Object> effect() {
        return Map.of("confidence", level.name().toLowerCase());
    }
}
