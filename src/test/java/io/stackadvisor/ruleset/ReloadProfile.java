package io.stackadvisor.ruleset;

import io.stackadvisor.testing.RulesCopy;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** The service on a scratch copy of the rules, with an admin token. */
public class ReloadProfile implements QuarkusTestProfile {
    static final Path RULES = Path.of("target/reload-test-rules");
    public static final String TOKEN = "test-admin-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        RulesCopy.reset(RULES);
        return Map.of("stack-advisor.rules.dir", RULES.toString(), "stack-advisor.admin.token", TOKEN);
    }
}
