package io.stackadvisor.whatif;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same on the real PostgreSQL at 127.0.0.1:5432 (profile "postgresql"). */
@QuarkusTest
@TestProfile(ShadowPostgresProfile.class)
@org.junit.jupiter.api.condition.EnabledIf("io.stackadvisor.audit.PostgresProfile#reachable")
class ShadowPostgresTest extends ShadowContract {
}
