package io.stackadvisor.engine.facts;

import java.util.Map;

/** A fact the rules derive; its {@link #effect()} is what the trace shows the rule contributed. */
public interface TraceFact {
    Map<String, Object> effect();

    /** The fact's values, as the trace shows them when a later rule matched it. */
    default Map<String, Object> values() {
        return effect();
    }
}
