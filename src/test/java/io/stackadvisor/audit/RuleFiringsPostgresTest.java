package io.stackadvisor.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Rule firing counts over a window, on the real PostgreSQL at 127.0.0.1:5432 (profile "postgresql"). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@org.junit.jupiter.api.condition.EnabledIf("io.stackadvisor.audit.PostgresProfile#reachable")
class RuleFiringsPostgresTest extends RuleFiringsContract {
}
