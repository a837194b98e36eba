package io.stackadvisor.whatif;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Shadowing a candidate on H2. */
@QuarkusTest
@TestProfile(ShadowProfile.class)
class ShadowTest extends ShadowContract {
}
