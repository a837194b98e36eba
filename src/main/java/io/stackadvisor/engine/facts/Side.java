package io.stackadvisor.engine.facts;

/** The runtime a claim argues for. NEUTRAL claims are cited but never scored. */
public enum Side {
    NODEJS, PYTHON, NEUTRAL;

    public Side opposite() {
        return switch (this) {
            case NODEJS -> PYTHON;
            case PYTHON -> NODEJS;
            case NEUTRAL -> NEUTRAL;
        };
    }
}
