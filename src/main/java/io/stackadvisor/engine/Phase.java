package io.stackadvisor.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The explicit phases of the decision procedure, in the order they run. Each is a DRL ruleflow-group
 * of the same (lower-case) name.
 */
public enum Phase {
    EVIDENCE, ADJUSTMENT, SCORING, TOTALS, HYBRID, VERDICT, ADVICE, FLAGS, CONFIDENCE;

    private static final List<Phase> FOCUS_PUSH_ORDER;
    static {
        List<Phase> phases = Arrays.asList(values().clone());
        java.util.Collections.reverse(phases);
        FOCUS_PUSH_ORDER = List.copyOf(phases);
    }

    /** One string per phase, made once: every evaluation focuses each group by name. */
    private final String group = name().toLowerCase(java.util.Locale.ROOT);

    public String group() {
        return group;
    }

    public static Optional<Phase> ofGroup(String group) {
        return Arrays.stream(values()).filter(p -> p.group().equals(group)).findFirst();
    }

    /** Focus is a stack: push the last phase first so that EVIDENCE runs first. */
    public static List<Phase> inFocusPushOrder() {
        return FOCUS_PUSH_ORDER;
    }
}
