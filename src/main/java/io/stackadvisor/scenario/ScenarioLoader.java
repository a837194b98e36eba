package io.stackadvisor.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.stackadvisor.engine.RuleProblem;
import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.RulesetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every *.json below rules/scenarios, strictly: a typo in a scenario must not pass silently. */
public final class ScenarioLoader {
    public static final String SCENARIOS_DIR = "scenarios";

    private final ObjectReader strict;

    public ScenarioLoader(ObjectMapper json) {
        this.strict = json.readerFor(ScenarioFile.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    record ScenarioFile(String title, String why, String origin, JsonNode profile, Scenario.Expectation expect) {
    }

    public List<Scenario> load(Path rulesDir) throws RulesetException {
        return load(RulesFiles.read(rulesDir));
    }

    public List<Scenario> load(RulesFiles folder) throws RulesetException {
        List<Scenario> scenarios = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<String> files = folder.files().keySet().stream()
                .filter(name -> name.startsWith(SCENARIOS_DIR + "/") && name.endsWith(".json")).toList();
        for (String name : files) {
            try {
                ScenarioFile f = strict.readValue(folder.file(name));
                if (f.title() == null || f.profile() == null || f.expect() == null) {
                    problems.add(new RuleProblem(name, 1, "a scenario needs a title, a profile and expect"));
                    continue;
                }
                scenarios.add(new Scenario(name, f.title(), f.why(), f.origin(), f.profile(), f.expect()));
            } catch (IOException e) {
                int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                        ? j.getLocation().getLineNr() : 0;
                String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                        ? j.getOriginalMessage() : e.getMessage();
                problems.add(new RuleProblem(name, line, message));
            }
        }
        if (!problems.isEmpty()) throw new RulesetException(problems);
        return scenarios;
    }
}
