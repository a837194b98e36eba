package io.stackadvisor.whatif;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stackadvisor.testing.RulesCopy;
import java.util.Map;

/** As {@link ShadowProfile}, on the real PostgreSQL of this machine, in a schema of its own cleaned at start. */
public class ShadowPostgresProfile implements QuarkusTestProfile {
    static final String SCHEMA = "stack_advisor_shadow_test";

    @Override
    public String getConfigProfile() {
        return "postgresql";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        RulesCopy.reset(ShadowProfile.RULES);
        return Map.ofEntries(
                Map.entry("stack-advisor.rules.dir", ShadowProfile.RULES.toString()),
                Map.entry("stack-advisor.admin.token", ShadowProfile.TOKEN),
                Map.entry("stack-advisor.rules.require-coverage", "false"),
                Map.entry("stack-advisor.shadow.refresh-interval", "200ms"),
                Map.entry("stack-advisor.shadow.flush-interval", "200ms"),
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
