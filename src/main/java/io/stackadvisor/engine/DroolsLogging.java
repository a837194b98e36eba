package io.stackadvisor.engine;

import org.jboss.logmanager.Level;
import org.jboss.logmanager.Logger;

/**
 * Drools 10.2.0 fails inside its own TRACE logging (SegmentMemory.linkNode → RuleNameExtractor throws
 * ClassCastException for rules with a 'not (A and B)' sub-network), and it decides once, when its
 * classes load, whether TRACE is on. Outside Quarkus (the rules check, tests, benchmarks) an
 * unconfigured log manager can report TRACE as enabled, so the engine keeps org.drools at INFO
 * before any Drools class loads. Under Quarkus the level is INFO already and this changes nothing.
 */
final class DroolsLogging {
    private DroolsLogging() {
    }

    static void keepTraceOff() {
        Logger drools = Logger.getLogger("org.drools");
        if (drools.isLoggable(Level.TRACE) || drools.isLoggable(Level.DEBUG)) {
            drools.setLevel(Level.INFO);
        }
    }
}
