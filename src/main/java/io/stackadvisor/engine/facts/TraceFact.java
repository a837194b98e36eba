package io.stackadvisor.engine.facts;

import java.util.Map;

/** A fact the rules derive; its {@link #effect()} is what the trace shows the rule contributed. */
public interface TraceFact {
    Map<String, Object> effect();
}
