package io.stackadvisor.ruleset;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stackadvisor.testing.RulesCopy;
import java.nio.file.Path;
import java.util.Map;

/** The service on a scratch copy of the rules, with an admin token, on the default H2 database. */
public class FleetProfile implements QuarkusTestProfile {
    static final Path RULES = Path.of("target/fleet-test-rules");

    @Override
    public Map<String, String> getConfigOverrides() {
        RulesCopy.reset(RULES);
        return Map.of("stack-advisor.rules.dir", RULES.toString(), "stack-advisor.admin.token", ReloadProfile.TOKEN,
                "stack-advisor.rules.follow-interval", "500ms");
    }
}
