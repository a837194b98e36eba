package io.stackadvisor.engine;

import io.stackadvisor.engine.facts.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule as its trace steps need it, prepared once per ruleset: its descriptor and the profile
 * properties its conditions test, each with the path the trace shows and the values compared against.
 */
record TracedRule(RuleDescriptor descriptor, List<ProfileTest> profileTests) {

    record ProfileTest(String property, String path, List<String> values) {
    }

    static TracedRule of(RuleDescriptor descriptor) {
        List<ProfileTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String>> test : descriptor.profileTests().entrySet()) {
            tests.add(new ProfileTest(test.getKey(), Profile.SCHEMA_PATHS.get(test.getKey()), test.getValue()));
        }
        return new TracedRule(descriptor, List.copyOf(tests));
    }
}
