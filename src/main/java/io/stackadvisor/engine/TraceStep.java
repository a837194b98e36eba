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
    private Firing firing;
    private Map<String, Object> matched;
    private Map<String, Object> effect;

    public TraceStep(int step, RuleDescriptor rule, Map<String, Object> matched, Map<String, Object> effect) {
        this.step = step;
        this.rule = rule;
        this.matched = matched;
        this.effect = effect;
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
    public synchronized Map<String, Object> matched() {
        build();
        return matched;
    }

    /** What the rule contributed (null if it derived nothing the trace shows). */
    public synchronized Map<String, Object> effect() {
        build();
        return effect;
    }

    private void build() {
        if (firing != null) {
            matched = firing.matched();
            effect = firing.effect();
            firing = null;
        }
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
