package io.stackadvisor.engine;

import io.stackadvisor.testing.RealRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProfileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Workload groups are DRL functions the rules call in their Profile constraints; the analyzer spells
 * every call out as the tests it stands for, so the trace and the explanations see plain tests.
 */
class WorkloadGroupsTest {
    static final String GROUPS = """
            package stackadvisor.rules;

            // Real-time.
            function boolean realTime(java.util.Set workloads) {
                return workloads.contains("realtime-messaging")
                    || workloads.contains("live-dashboard");
            }

            function boolean api(java.util.Set workloads) {
                return workloads.contains("rest-api") || workloads.contains("public-api");
            }

            function boolean ioBound(java.util.Set workloads) {
                return realTime(workloads) || api(workloads) || workloads.contains("rest-api");
            }
            """;

    static final String RULES = """
            package stackadvisor.rules;

            rule "A"
                @claim("none")
                ruleflow-group "evidence"
            when
                Profile( ioBound(workloads) )
            then
            end

            rule "B"
                @claim("none")
                ruleflow-group "evidence"
            when
                Profile( priorities contains "performance" || api(workloads),
                         api(workloads) && domain == "saas",
                         (expectedConcurrentConnections != null && expectedConcurrentConnections >= 1000) || realTime(workloads),
                         domain != "api(workloads)" )
            then
            end
            """;

    private static RuleSourceAnalyzer.Analysis analyze(String groups, String rules) {
        return new RuleSourceAnalyzer().analyze(files("evidence/workload-groups.drl", groups, "evidence/rules.drl", rules));
    }

    /** Files in the order given, as the compiler passes them (sorted by path there). */
    private static Map<String, String> files(String... pathsAndTexts) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        return files;
    }

    private static RuleDescriptor rule(RuleSourceAnalyzer.Analysis analysis, String name) {
        return analysis.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static String problems(RuleSourceAnalyzer.Analysis analysis) {
        return analysis.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aGroupIsItsMembersInTheOrderWrittenWithNestedGroupsSpelledOutOnce() {
        var analysis = analyze(GROUPS, RULES);
        assertEquals(List.of(), analysis.problems());
        assertEquals(List.of("realtime-messaging", "live-dashboard", "rest-api", "public-api"),
                analysis.groups().get("ioBound").members());
        assertEquals(4, analysis.groups().get("realTime").line());
    }

    @Test
    void aCallIsWrittenOutAsTheTestsItStandsFor() {
        var analysis = analyze(GROUPS, RULES);
        assertEquals(List.of("workloads contains \"realtime-messaging\" || workloads contains \"live-dashboard\" "
                + "|| workloads contains \"rest-api\" || workloads contains \"public-api\""), rule(analysis, "A").profileConstraints());
        assertEquals(Map.of("workloads", List.of("realtime-messaging", "live-dashboard", "rest-api", "public-api")),
                rule(analysis, "A").profileTests());
        List<String> b = rule(analysis, "B").profileConstraints();
        // Among alternatives joined by || only, no parentheses are needed: the condition reads as a flat list.
        assertEquals("priorities contains \"performance\" || workloads contains \"rest-api\" || workloads contains \"public-api\"", b.get(0));
        // Next to &&, the alternatives keep their parentheses, so the meaning cannot change.
        assertEquals("(workloads contains \"rest-api\" || workloads contains \"public-api\") && domain == \"saas\"", b.get(1));
        // An && inside parentheses of its own does not count at the call's level.
        assertEquals("(expectedConcurrentConnections != null && expectedConcurrentConnections >= 1000) "
                + "|| workloads contains \"realtime-messaging\" || workloads contains \"live-dashboard\"", b.get(2));
        // Quoted text is never expanded.
        assertEquals("domain != \"api(workloads)\"", b.get(3));
    }

    @Test
    void theTraceShowsTheProfilesOwnWorkloadsOfTheGroup() throws Exception {
        Ruleset ruleset = RealRules.ruleset();
        Profile profile = new Profile(RealRules.READER.read(
                "{\"workloads\": [\"crud-web-app\", \"public-api\", \"ml-training\"], \"priorities\": [\"performance\"]}"
                        .getBytes(StandardCharsets.UTF_8)).profile());
        Map<String, Map<String, Object>> matched = new DecisionEngine().evaluate(ruleset, profile, true).trace().stream()
                .collect(Collectors.toMap(s -> s.rule().name(), TraceStep::matched, (a, b) -> a));
        assertEquals(Map.of("workloads", List.of("public-api")), matched.get("PERF-02 I/O-bound request handling is faster on Node.js"));
        assertEquals(Map.of("workloads", List.of("ml-training")), matched.get("ML-01 machine learning favours Python"));
        assertEquals(Map.of("priorities", List.of("performance"), "workloads", List.of("public-api")),
                matched.get("PERF-07 V8 compiles to machine code while CPython interprets (cited)"));
        RuleDescriptor perf02 = ruleset.rule("PERF-02 I/O-bound request handling is faster on Node.js");
        assertEquals(List.of("realtime-messaging", "multiplayer-gaming", "live-dashboard", "live-feeds-tracking",
                "live-collaboration", "media-streaming", "iot-ingestion", "rest-api", "public-api"), perf02.profileTests().get("workloads"));
        assertFalse(perf02.profileConstraints().get(0).contains("ioBound"), perf02.profileConstraints().toString());
    }

    @Test
    void aGroupOfAnyOtherShapeIsAProblemAtItsLine() {
        String groups = """
                package stackadvisor.rules;

                function boolean busy(java.util.Set workloads) {
                    return workloads.size() > 2;
                }

                function boolean named(java.util.Set items) {
                    return items.contains("rest-api");
                }

                function boolean loop(java.util.Set workloads) {
                    return workloads.contains("rest-api") || loop(workloads);
                }

                function boolean typo(java.util.Set workloads) {
                    return workloads.contains("rest-api") || ioBund(workloads);
                }

                function boolean api(java.util.Set workloads) {
                    return workloads.contains("rest-api");
                }

                function boolean twice(java.util.Set workloads) {
                    if (workloads.isEmpty()) return false;
                    return api(workloads);
                }
                """;
        var analysis = new RuleSourceAnalyzer().analyze(files("evidence/workload-groups.drl", groups,
                "evidence/more.drl", "package stackadvisor.rules;\n\nfunction boolean api(java.util.Set workloads) {\n"
                        + "    return workloads.contains(\"public-api\");\n}\n"));
        String problems = problems(analysis);
        assertTrue(problems.contains("evidence/workload-groups.drl:3: function \"busy\" is not a workload group of the readable shape"
                + " ('workloads.size() > 2' is neither workloads.contains(\"a-workload\") nor group(workloads))"), problems);
        assertTrue(problems.contains("evidence/workload-groups.drl:7: function \"named\" is not a workload group of the readable shape"
                + " (its one parameter must be java.util.Set workloads; "), problems);
        assertTrue(problems.contains("evidence/workload-groups.drl:11: workload group \"loop\" contains itself: loop → loop"), problems);
        assertTrue(problems.contains("evidence/workload-groups.drl:15: workload group \"typo\" names \"ioBund\", which is no workload group"), problems);
        assertTrue(problems.contains("evidence/workload-groups.drl:23: function \"twice\" is not a workload group of the readable shape"
                + " (its body must be a single return of terms joined by ||)"), problems);
        assertTrue(problems.contains("evidence/more.drl:3: workload group \"api\" is already defined at evidence/workload-groups.drl:19"), problems);
        assertEquals(6, analysis.problems().size(), problems);
    }

    @Test
    void andAndOrMixedWithoutParenthesesAreFoundOutsideQuotesOnly() {
        assertTrue(RuleSourceAnalyzer.mixesAndWithOr("a == 1 || b == 2 && c == 3"));
        assertTrue(RuleSourceAnalyzer.mixesAndWithOr("(a == 1 || b == 2 && c == 3)"));
        assertFalse(RuleSourceAnalyzer.mixesAndWithOr("a == 1 || (b == 2 && c == 3)"));
        assertFalse(RuleSourceAnalyzer.mixesAndWithOr("(a == 1 || b == 2) && c == 3"));
        assertFalse(RuleSourceAnalyzer.mixesAndWithOr("a == \"x && y\" || b == 2"));
    }
}
