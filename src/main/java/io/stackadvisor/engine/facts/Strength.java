package io.stackadvisor.engine.facts;

/** How much a claim weighs (rules/README.md, "The phases"): strong 3, moderate 2, weak 1; cited-only claims 0. */
public enum Strength {
    STRONG(3), MODERATE(2), WEAK(1), NONE(0);

    private final int weight;

    Strength(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
