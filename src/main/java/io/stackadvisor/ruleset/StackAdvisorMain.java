package io.stackadvisor.ruleset;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point ({@code java -jar}): starts reading the rules the build compiled on a
 * second thread, then starts Quarkus, so the two overlap instead of adding up.
 */
@QuarkusMain
public final class StackAdvisorMain {
    private StackAdvisorMain() {
    }

    public static void main(String... args) {
        BundledRules.preload();
        Quarkus.run(args);
    }
}
