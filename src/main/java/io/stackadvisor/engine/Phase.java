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

    public String group() {
        return name().toLowerCase();
    }

    public static Optional<Phase> ofGroup(String group) {
        return Arrays.stream(values()).filter(p -> p.group().equals(group)).findFirst();
    }

    /** Focus is a stack: push the last phase first so that EVIDENCE runs first. */
    public static List<Phase> inFocusPushOrder() {
        List<Phase> phases = Arrays.asList(values().clone());
        java.util.Collections.reverse(phases);
        return phases;
    }
}
