package io.stackadvisor.ruleset;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Stored versions, the live pointer, upload, promote, rollback, diff and pinned evaluations on H2. */
@QuarkusTest
@TestProfile(FleetProfile.class)
class RulesetFleetTest extends RulesetFleetContract {
}
