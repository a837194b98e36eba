package io.stackadvisor.whatif;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stackadvisor.audit.PostgresProfile;
import io.stackadvisor.testing.RulesCopy;
import java.util.HashMap;
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
        Map<String, String> overrides = new HashMap<>(PostgresProfile.inSchema(SCHEMA));
        overrides.put("stack-advisor.rules.dir", ShadowProfile.RULES.toString());
        overrides.put("stack-advisor.admin.token", ShadowProfile.TOKEN);
        overrides.put("stack-advisor.rules.require-coverage", "false");
        overrides.put("stack-advisor.shadow.refresh-interval", "200ms");
        overrides.put("stack-advisor.shadow.flush-interval", "200ms");
        overrides.put("quarkus.http.test-port", "0");
        overrides.put("quarkus.log.console.json.enabled", "false");
        return overrides;
    }
}
