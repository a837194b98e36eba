package io.stackadvisor.engine;

import io.stackadvisor.engine.facts.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Reads a DRL file's rules as written: name, line, metadata, phase, and which profile properties
 * their conditions test. The trace shows those properties' values, so no rule has to list them again.
 */
final class RuleSourceAnalyzer {
    private static final Pattern PROPERTY = Pattern.compile("\\b([a-zA-Z]+)\\b");
    private static final Pattern COMPARED_STRING =
            Pattern.compile("\\b([a-zA-Z]+)\\s*(?:contains|==|!=)\\s*\"([^\"]*)\"");

    record Analysis(List<RuleDescriptor> rules, Map<String, String> consequences, List<RuleProblem> problems) {
    }

    Analysis analyze(String file, String drl) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        List<RuleProblem> problems = new ArrayList<>();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file, e.getLineNumber(), e.getMessage()));
            return new Analysis(List.of(), Map.of(), problems);
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                problems.add(new RuleProblem(file, lines.length > 0 ? lines[0] : 0, error.getMessage()));
            }
            return new Analysis(List.of(), Map.of(), problems);
        }
        List<RuleDescriptor> rules = new ArrayList<>();
        Map<String, String> consequences = new LinkedHashMap<>();
        for (RuleDescr rule : pkg.getRules()) {
            rules.add(describe(file, rule, problems));
            consequences.put(rule.getName(), String.valueOf(rule.getConsequence()));
        }
        return new Analysis(rules, consequences, problems);
    }

    private RuleDescriptor describe(String file, RuleDescr rule, List<RuleProblem> problems) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            Object value = annotation.getSingleValueStripped();
            metadata.put(annotation.getName(), value == null ? "" : value.toString());
        }
        AttributeDescr group = rule.getAttributes().get("ruleflow-group");
        Phase phase = group == null ? null : Phase.ofGroup(group.getValue()).orElse(null);
        if (phase == null) {
            problems.add(new RuleProblem(file, rule.getLine(), "rule \"" + rule.getName()
                    + "\" needs a ruleflow-group naming its phase, one of " + List.of(Phase.values())));
        }
        Map<String, List<String>> profileTests = new LinkedHashMap<>();
        List<String> constraints = new ArrayList<>();
        collectProfileTests(rule.getLhs(), profileTests, constraints);
        return new RuleDescriptor(rule.getName(), metadata.get("claim"), metadata.get("conflict"), phase,
                file, rule.getLine(), Map.copyOf(metadata), freeze(profileTests), List.copyOf(constraints));
    }

    private void collectProfileTests(BaseDescr descr, Map<String, List<String>> tests, List<String> constraints) {
        if (descr instanceof PatternDescr pattern) {
            if ("Profile".equals(pattern.getObjectType())) {
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expr) {
                        addTests(expr.getExpression(), tests);
                        constraints.add(expr.getExpression());
                    }
                }
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                collectProfileTests(child, tests, constraints);
            }
        }
    }

    private static void addTests(String expression, Map<String, List<String>> tests) {
        Matcher names = PROPERTY.matcher(expression.replaceAll("\"[^\"]*\"", ""));
        while (names.find()) {
            if (Profile.SCHEMA_PATHS.containsKey(names.group(1))) {
                tests.computeIfAbsent(names.group(1), k -> new ArrayList<>());
            }
        }
        Matcher compared = COMPARED_STRING.matcher(expression);
        while (compared.find()) {
            List<String> values = tests.get(compared.group(1));
            if (values != null && !values.contains(compared.group(2))) {
                values.add(compared.group(2));
            }
        }
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> tests) {
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        tests.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(frozen);
    }
}
