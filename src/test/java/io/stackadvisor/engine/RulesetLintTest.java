package io.stackadvisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.testing.RealRules;
import io.stackadvisor.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken rules folder never compiles into a ruleset, and says where it is broken. */
class RulesetLintTest {
    @TempDir
    Path rules;

    @BeforeEach
    void copyTheRealRules() {
        RulesCopy.reset(rules);
    }

    private String problems() {
        RulesetException e = assertThrows(RulesetException.class, () -> RealRules.compiler().compile(rules));
        return e.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
    }

    private void edit(String file, String from, String to) {
        RulesCopy.edit(rules, file, from, to);
    }

    /** The copy the other tests break is faithful: unbroken, it loads with every rule of the real folder. */
    @Test
    void theRealRulesLoadCleanly() throws Exception {
        Ruleset copy = RealRules.compiler().compile(rules);
        assertFalse(copy.rules().isEmpty());
        assertEquals(RealRules.ruleset().rules().keySet(), copy.rules().keySet());
        assertEquals(RealRules.ruleset().version(), copy.version());
        copy.close();
    }

    /** The 1-based line of a rule's declaration in a DRL file of the copy, counted here independently of the compiler. */
    private int lineOfRule(String file, String name) throws IOException {
        List<String> lines = Files.readAllLines(rules.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("rule \"" + name + "\"")) return i + 1;
        }
        throw new IllegalStateException(file + " declares no rule " + name);
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() throws IOException {
        edit("evidence/realtime.drl", "Profile( workloads contains \"multiplayer-gaming\" )",
                "Profile( workloads contains \"multiplayer-gaming\" ");
        assertTrue(problems().contains("evidence/realtime.drl:"), problems());
    }

    @Test
    void anUnknownClaimIdIsReportedWithFileAndLine() throws IOException {
        edit("evidence/realtime.drl", "@claim(\"RT-03\")", "@claim(\"RT-99\")");
        String problems = problems();
        int line = lineOfRule("evidence/realtime.drl", "RT-03 game servers favour Node.js");
        assertTrue(problems.contains("evidence/realtime.drl:" + line + ": rule \"RT-03 game servers favour Node.js\" @claim(\"RT-99\") is not in"), problems);
    }

    @Test
    void aMissingClaimAnnotationIsReported() throws IOException {
        edit("evidence/realtime.drl", "    @claim(\"RT-05\")\n", "");
        assertTrue(problems().contains("has no @claim"), problems());
    }

    @Test
    void aWeightThatDisagreesWithTheCatalogueIsReported() throws IOException {
        edit("evidence/realtime.drl", "new Evidence(\"RT-02\", Side.NODEJS, Strength.STRONG)",
                "new Evidence(\"RT-02\", Side.NODEJS, Strength.MODERATE)");
        assertTrue(problems().contains("RT-02 is strong in the catalogue, the rule says Strength.MODERATE"), problems());
    }

    @Test
    void aForgottenAnchorIsReported() throws IOException {
        edit("evidence/compute-ml-data.drl", "new Evidence(\"ML-07\", Side.PYTHON, Strength.MODERATE).asAnchor()",
                "new Evidence(\"ML-07\", Side.PYTHON, Strength.MODERATE)");
        assertTrue(problems().contains("ML-07 is a hybrid anchor: add .asAnchor()"), problems());
    }

    @Test
    void aClaimWithoutARuleIsReported() throws IOException {
        edit("evidence/concurrency-performance.drl", "@claim(\"CC-02\")", "@claim(\"CC-01\")");
        assertTrue(problems().contains("claim CC-02 (rule) is encoded by no rule"), problems());
    }

    @Test
    void anInexactQuoteIsReported() throws IOException {
        edit("catalogue/claims.json", "Real-time apps (chat, gaming, live feeds)", "Realtime apps (chat, gaming, live feeds)");
        assertTrue(problems().contains("quote not found verbatim in 000_6b655d6ceb8fa5c0.txt"), problems());
    }

    @Test
    void aDuplicateRuleNameIsReported() throws IOException {
        edit("evidence/realtime.drl", "rule \"RT-05 live collaboration tools favour Node.js\"",
                "rule \"RT-04 live dashboards, feeds and tracking favour Node.js\"");
        assertTrue(problems().contains("is already used at evidence/realtime.drl:"), problems());
    }

    @Test
    void aRuleWithoutAPhaseIsReported() throws IOException {
        edit("evidence/realtime.drl", "    @claim(\"RT-05\")\n    ruleflow-group \"evidence\"\n", "    @claim(\"RT-05\")\n");
        assertTrue(problems().contains("needs a ruleflow-group naming its phase"), problems());
    }

    @Test
    void aRuleInTheFileOfAnotherPhaseIsReported() throws IOException {
        edit("decision/3-scoring.drl", "    ruleflow-group \"scoring\"", "    ruleflow-group \"totals\"");
        assertTrue(problems().contains("decision/3-scoring.drl:8: rule \"SCORE the strongest claim of each topic family counts"
                + " for its side\" is in phase totals, but decision/3-scoring.drl holds scoring rules only: move it to"
                + " decision/4-totals.drl"), problems());
    }

    @Test
    void aDecisionRuleAmongTheEvidenceIsReported() throws IOException {
        edit("evidence/realtime.drl", "    @claim(\"RT-03\")\n    ruleflow-group \"evidence\"", "    @claim(\"RT-03\")\n    ruleflow-group \"flags\"");
        assertTrue(problems().contains("evidence/realtime.drl:25: rule \"RT-03 game servers favour Node.js\" is in phase flags,"
                + " but evidence/ holds evidence rules only: move it to decision/8-flags.drl"), problems());
    }

    @Test
    void aDecisionFileNumberedOrNamedOtherwiseThanItsPhaseIsReported() throws IOException {
        Files.move(rules.resolve("decision/8-flags.drl"), rules.resolve("decision/5-flags.drl"));
        Files.move(rules.resolve("decision/9-confidence.drl"), rules.resolve("decision/confidence.drl"));
        String problems = problems();
        assertTrue(problems.contains("decision/5-flags.drl:8: flags is phase 8 of 9: name the file decision/8-flags.drl"), problems);
        assertTrue(problems.contains("decision/confidence.drl:7: a decision file is named after the one phase it holds, N-phase.drl"
                + " with N the phase's position: 2-adjustment.drl, 3-scoring.drl, 4-totals.drl, 5-hybrid.drl, 6-verdict.drl,"
                + " 7-advice.drl, 8-flags.drl, 9-confidence.drl"), problems);
    }

    @Test
    void andAndOrMixedWithoutParenthesesAreReported() throws IOException {
        edit("evidence/team-delivery.drl", "priorities contains \"time-to-market\" || (timelineWeeks != null && timelineWeeks <= 12) )\nthen\n"
                + "    insert( new Evidence(\"MVP-03\"", "priorities contains \"time-to-market\" || timelineWeeks != null && timelineWeeks <= 12 )\nthen\n"
                + "    insert( new Evidence(\"MVP-03\"");
        String problems = problems();
        assertTrue(problems.matches("(?s).*evidence/team-delivery\\.drl:\\d+: rule \"MVP-03 rapid development favours Python\" mixes && and \\|\\|"
                + " without parentheses.*"), problems);
    }

    @Test
    void aWorkloadGroupOfAnotherShapeIsReportedAtItsLine() throws IOException {
        edit("evidence/workload-groups.drl", "    return workloads.contains(\"rest-api\") || workloads.contains(\"public-api\");",
                "    return workloads.contains(\"rest-api\") || workloads.size() > 3;");
        String problems = problems();
        assertTrue(problems.matches("(?s).*evidence/workload-groups\\.drl:\\d+: function \"api\" is not a workload group of the readable"
                + " shape \\('workloads.size\\(\\) > 3' is neither .*"), problems);
    }

    @Test
    void aWeightThatDisagreesWithItsStrengthIsRefused() throws IOException {
        List<String> claims = Files.readAllLines(rules.resolve("catalogue/claims.json"));
        int id = claims.indexOf("      \"id\": \"RT-01\",");
        int weight = id + claims.subList(id, claims.size()).indexOf("      \"weight\": 3,");
        claims.set(weight, "      \"weight\": 2,");
        Files.write(rules.resolve("catalogue/claims.json"), claims);
        assertTrue(problems().contains("catalogue/claims.json:" + (id + 1) + ": RT-01: strong weighs 3, not 2"), problems());
    }

    @Test
    void anArticleInSourcesNeedsItsDescription() throws IOException {
        Files.writeString(rules.resolve("sources/005_new_article.txt"), "A new article.");
        assertTrue(problems().contains("catalogue/articles.json: sources/005_new_article.txt is not described here"), problems());
    }
}
