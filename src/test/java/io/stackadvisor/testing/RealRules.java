package io.stackadvisor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.scenario.Scenario;
import io.stackadvisor.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The repository's own rules folder, compiled once per test JVM for every test that reads it without
 * changing it (never close it). Tests that change rules work on a {@link RulesCopy} and compile it
 * themselves with {@link #compiler()}.
 */
public final class RealRules {
    public static final Path DIR = Path.of("rules");
    public static final ObjectMapper JSON = JsonMappers.standalone();
    public static final ProfileReader READER = new ProfileReader(JSON);

    private static Ruleset ruleset;
    private static List<Scenario> scenarios;

    private RealRules() {
    }

    public static synchronized Ruleset ruleset() {
        if (ruleset == null) {
            try {
                ruleset = compiler().compile(DIR);
            } catch (RulesetException e) {
                throw new AssertionError("the rules folder does not compile: " + e.problems(), e);
            }
        }
        return ruleset;
    }

    public static synchronized List<Scenario> scenarios() {
        if (scenarios == null) {
            try {
                scenarios = new ScenarioLoader(JSON).load(DIR);
            } catch (RulesetException e) {
                throw new AssertionError("the scenarios do not load: " + e.problems(), e);
            }
        }
        return scenarios;
    }

    public static RulesetCompiler compiler() {
        return new RulesetCompiler(Clock.systemUTC(), JSON);
    }
}
