package io.stackadvisor.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stackadvisor.scenario.Scenario;
import io.stackadvisor.testing.RealRules;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The start's warm-up on the build's compiled form takes each verdict the folder's scenarios expect, once. */
class BundledWarmUpTest {

    @Test
    void theWarmUpRunsTheFirstScenarioOfEachExpectedVerdict() {
        List<Scenario> all = RealRules.scenarios();
        List<Scenario> warmUp = BundledRules.oneOfEachVerdict(all);

        Set<String> expected = all.stream().map(s -> String.valueOf(s.expect().verdict())).collect(Collectors.toSet());
        assertEquals(expected, warmUp.stream().map(s -> String.valueOf(s.expect().verdict())).collect(Collectors.toSet()));
        assertEquals(expected.size(), warmUp.size());
        for (Scenario chosen : warmUp) {
            Scenario first = all.stream().filter(s -> s.expect().verdict() == null
                    ? chosen.expect().verdict() == null : s.expect().verdict().equals(chosen.expect().verdict())).findFirst().orElseThrow();
            assertEquals(first.file(), chosen.file());
        }
    }
}
