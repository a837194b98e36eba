package io.stackadvisor.engine.facts;

public enum Outcome {
    NODEJS, PYTHON, HYBRID, UNDETERMINED
}
