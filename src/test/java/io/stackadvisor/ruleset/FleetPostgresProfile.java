package io.stackadvisor.ruleset;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stackadvisor.audit.PostgresProfile;
import io.stackadvisor.testing.RulesCopy;
import java.util.HashMap;
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
        Map<String, String> overrides = new HashMap<>(PostgresProfile.inSchema(SCHEMA));
        overrides.put("stack-advisor.rules.dir", FleetProfile.RULES.toString());
        overrides.put("stack-advisor.admin.token", ReloadProfile.TOKEN);
        overrides.put("stack-advisor.rules.follow-interval", "500ms");
        overrides.put("quarkus.http.test-port", "0");
        overrides.put("quarkus.log.console.json.enabled", "false");
        return overrides;
    }
}
