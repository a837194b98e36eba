package io.stackadvisor.ruleset;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stackadvisor.testing.RulesCopy;
import java.util.Map;

/**
 * The service on a scratch copy of the rules on the real PostgreSQL of this machine (127.0.0.1:5432,
 * database "test"), in a schema of its own that is cleaned at start (as audit/PostgresProfile).
 */
public class FleetPostgresProfile implements QuarkusTestProfile {
    static final String SCHEMA = "stack_advisor_fleet_test";

    @Override
    public String getConfigProfile() {
        return "postgresql";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        RulesCopy.reset(FleetProfile.RULES);
        return Map.ofEntries(
                Map.entry("stack-advisor.rules.dir", FleetProfile.RULES.toString()),
                Map.entry("stack-advisor.admin.token", ReloadProfile.TOKEN),
                Map.entry("stack-advisor.rules.follow-interval", "500ms"),
                Map.entry("quarkus.datasource.\"postgresql\".jdbc.url", System.getProperty("stack-advisor.test.pg-base",
                        "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema=" + SCHEMA),
                Map.entry("quarkus.datasource.\"postgresql\".username", System.getProperty("stack-advisor.test.pg-user", "postgres")),
                Map.entry("quarkus.datasource.\"postgresql\".password", ""),
                Map.entry("quarkus.flyway.\"postgresql\".schemas", SCHEMA),
                Map.entry("quarkus.flyway.\"postgresql\".clean-disabled", "false"),
                Map.entry("quarkus.flyway.\"postgresql\".clean-at-start", "true"),
                Map.entry("quarkus.http.test-port", "0"),
                Map.entry("quarkus.log.console.json.enabled", "false"));
    }
}
