package io.stackadvisor.audit;

import io.quarkus.test.junit.QuarkusTest;

/** Rule firing counts over a window, on the embedded H2 (the default). */
@QuarkusTest
class RuleFiringsH2Test extends RuleFiringsContract {
}
