package io.stackadvisor.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One rule firing: which rule, in which phase, the values that matched and what it contributed. A step
 * recorded during an evaluation keeps what fired cheaply ({@link Firing}) and builds its two maps the
 * first time they are asked for; callers that only need the rule never pay for them.
 */
public final class TraceStep {
    private final int step;
    private final RuleDescriptor rule;
    private final Firing firing;
    /** Both maps, built together on first use; two threads that race build equal maps, and either is kept. */
    private volatile Maps maps;

    private record Maps(Map<String, Object> matched, Map<String, Object> effect) {
    }

    public TraceStep(int step, RuleDescriptor rule, Map<String, Object> matched, Map<String, Object> effect) {
        this.step = step;
        this.rule = rule;
        this.firing = null;
        this.maps = new Maps(matched, effect);
    }

    TraceStep(int step, Firing firing) {
        this.step = step;
        this.rule = firing.rule().descriptor();
        this.firing = firing;
    }

    public int step() {
        return step;
    }

    public RuleDescriptor rule() {
        return rule;
    }

    /** The profile values the rule tested and the derived facts it matched, as they were when it fired. */
    public Map<String, Object> matched() {
        return maps().matched();
    }

    /** What the rule contributed (null if it derived nothing the trace shows). */
    public Map<String, Object> effect() {
        return maps().effect();
    }

    private Maps maps() {
        Maps built = maps;
        if (built == null) {
            built = new Maps(firing.matched(), firing.effect());
            maps = built;
        }
        return built;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceStep t && step == t.step && Objects.equals(rule, t.rule)
                && Objects.equals(matched(), t.matched()) && Objects.equals(effect(), t.effect());
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, rule, matched(), effect());
    }

    /** As the record it used to be. */
    @Override
    public String toString() {
        return "TraceStep[step=" + step + ", rule=" + rule + ", matched=" + matched() + ", effect=" + effect() + "]";
    }
}
