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
 * Reads the DRL files' rules as written: name, line, metadata, phase, and which profile properties
 * their conditions test. The trace shows those properties' values, so no rule has to list them again.
 *
 * <p>It also reads the workload groups ({@link WorkloadGroupReader}) and writes a group call in a
 * Profile constraint out as the tests it stands for ({@link GroupCalls}), so explanations read a rule's
 * condition without knowing about groups.
 */
final class RuleSourceAnalyzer {
    private static final Pattern PROPERTY = Pattern.compile("\\b([a-zA-Z]+)\\b");
    private static final Pattern COMPARED_STRING =
            Pattern.compile("\\b([a-zA-Z]+)\\s*(?:contains|==|!=)\\s*\"([^\"]*)\"");

    record Analysis(List<RuleDescriptor> rules, Map<String, String> consequences, Map<String, WorkloadGroup> groups,
                    List<RuleProblem> problems) {
    }

    /** Reads every DRL file of a ruleset: groups first (a rule may use a group of any file), then the rules. */
    Analysis analyze(Map<String, String> drlFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, PackageDescr> packages = new LinkedHashMap<>();
        drlFiles.forEach((file, drl) -> {
            PackageDescr pkg = parse(file, drl, problems);
            if (pkg != null) packages.put(file, pkg);
        });
        Map<String, WorkloadGroup> groups = WorkloadGroupReader.read(packages, problems);
        List<RuleDescriptor> rules = new ArrayList<>();
        Map<String, String> consequences = new LinkedHashMap<>();
        packages.forEach((file, pkg) -> {
            for (RuleDescr rule : pkg.getRules()) {
                rules.add(describe(file, rule, groups, problems));
                consequences.put(rule.getName(), String.valueOf(rule.getConsequence()));
            }
        });
        return new Analysis(rules, consequences, groups, problems);
    }

    private static PackageDescr parse(String file, String drl, List<RuleProblem> problems) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file, e.getLineNumber(), e.getMessage()));
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                problems.add(new RuleProblem(file, lines.length > 0 ? lines[0] : 0, error.getMessage()));
            }
            return null;
        }
        return pkg;
    }

    private static RuleDescriptor describe(String file, RuleDescr rule, Map<String, WorkloadGroup> groups,
                                           List<RuleProblem> problems) {
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
        collectConstraints(file, rule, rule.getLhs(), groups, profileTests, constraints, problems);
        return new RuleDescriptor(rule.getName(), metadata.get("claim"), metadata.get("conflict"), phase,
                file, rule.getLine(), Map.copyOf(metadata), freeze(profileTests), List.copyOf(constraints));
    }

    private static void collectConstraints(String file, RuleDescr rule, BaseDescr descr, Map<String, WorkloadGroup> groups,
                                           Map<String, List<String>> tests, List<String> constraints,
                                           List<RuleProblem> problems) {
        if (descr instanceof PatternDescr pattern) {
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (!(constraint instanceof ExprConstraintDescr expr)) continue;
                if (mixesAndWithOr(expr.getExpression())) {
                    problems.add(new RuleProblem(file, expr.getLine() > 0 ? expr.getLine() : rule.getLine(), "rule \""
                            + rule.getName() + "\" mixes && and || without parentheses: group them so that nobody has to"
                            + " rely on precedence (&& binds tighter): " + expr.getExpression().replaceAll("\\s+", " ")));
                }
                if ("Profile".equals(pattern.getObjectType())) {
                    String expanded = GroupCalls.expand(expr.getExpression(), groups);
                    addTests(expanded, tests);
                    constraints.add(expanded);
                }
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                collectConstraints(file, rule, child, groups, tests, constraints, problems);
            }
        }
    }

    /** True if && and || meet at one level of parentheses, outside quoted text. */
    static boolean mixesAndWithOr(String expression) {
        String code = expression.replaceAll("\"[^\"]*\"", "\"\"");
        List<int[]> levels = new ArrayList<>();
        levels.add(new int[2]);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                levels.add(new int[2]);
            } else if (c == ')' && levels.size() > 1) {
                levels.remove(levels.size() - 1);
            } else if (i + 1 < code.length() && (c == '&' || c == '|') && code.charAt(i + 1) == c) {
                int[] seen = levels.get(levels.size() - 1);
                seen[c == '&' ? 0 : 1]++;
                if (seen[0] > 0 && seen[1] > 0) return true;
                i++;
            }
        }
        return false;
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
