package io.stackadvisor.whatif;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stackadvisor.ruleset.ReloadProfile;
import io.stackadvisor.testing.RulesCopy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service on a scratch copy of the rules, with an admin token, on an H2 database of its own; the
 * shadow refreshes and flushes often so tests see counts quickly. Coverage is not required, so a
 * candidate whose changed verdicts fail some scenarios can be uploaded without them.
 */
public class ShadowProfile implements QuarkusTestProfile {
    static final Path RULES = Path.of("target/shadow-test-rules");
    static final String TOKEN = ReloadProfile.TOKEN;

    @Override
    public Map<String, String> getConfigOverrides() {
        RulesCopy.reset(RULES);
        // A database of its own: the verdict-changing candidate's pinned evaluations must not reach other tests' records.
        return Map.of("stack-advisor.rules.dir", RULES.toString(), "stack-advisor.admin.token", TOKEN,
                "stack-advisor.rules.require-coverage", "false",
                "stack-advisor.shadow.refresh-interval", "200ms", "stack-advisor.shadow.flush-interval", "200ms",
                "quarkus.datasource.\"h2\".jdbc.url", "jdbc:h2:file:./target/test-data/shadow-test;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }
}
