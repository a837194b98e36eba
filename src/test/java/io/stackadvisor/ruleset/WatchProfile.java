package io.stackadvisor.ruleset;

import io.stackadvisor.testing.RulesCopy;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** The service watching a scratch copy of the rules folder. */
public class WatchProfile implements QuarkusTestProfile {
    static final Path RULES = Path.of("target/watch-test-rules");

    @Override
    public Map<String, String> getConfigOverrides() {
        RulesCopy.reset(RULES);
        return Map.of("stack-advisor.rules.dir", RULES.toString(), "stack-advisor.rules.watch", "true",
                "stack-advisor.rules.watch-quiet-ms", "300");
    }
}
