package io.stackadvisor.knowledge;

import io.stackadvisor.testing.RealRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.facts.Flag;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProfileReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The knowledge base's own examples (../shared/knowledge/examples.json), read from the source, not a copy. */
class ExamplesTest {

    @TestFactory
    List<DynamicTest> everyExampleGetsItsExpectedVerdictClaimsAndFlags() throws Exception {
        JsonNode examples = new ObjectMapper().readTree(KnowledgeBaseTest.SHARED.resolve("knowledge/examples.json").toFile());
        Ruleset ruleset = RealRules.ruleset();
        ProfileReader reader = RealRules.READER;
        DecisionEngine engine = new DecisionEngine();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode example : examples.get("cases")) {
            tests.add(DynamicTest.dynamicTest(example.get("id").asText() + " " + example.get("title").asText(), () -> {
                EngineResult r = engine.evaluate(ruleset, new Profile(reader.validate(example.get("profile")).profile()), true);
                Set<String> fired = r.trace().stream().filter(s -> s.rule().encodesClaim())
                        .map(s -> s.rule().claim()).collect(Collectors.toSet());
                Set<String> flags = r.flags().stream().map(Flag::code).collect(Collectors.toSet());
                assertEquals(example.get("expectedVerdict").asText(), r.verdict().name());
                assertEquals(example.get("expectedConfidence").asText(), r.confidence().name().toLowerCase());
                for (String claim : texts(example.get("requiredClaims"))) assertTrue(fired.contains(claim), claim + " should fire");
                for (String claim : texts(example.get("forbiddenClaims"))) assertTrue(!fired.contains(claim), claim + " must not fire");
                for (String flag : texts(example.get("expectedFlags"))) assertTrue(flags.contains(flag), flag + " expected");
            }));
        }
        assertEquals(8, tests.size());
        return tests;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
