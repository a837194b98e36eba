package io.stackadvisor.engine;

import io.stackadvisor.engine.facts.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionDescr;
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
 * <p>It also reads the workload groups, DRL functions of one fixed shape (see {@link #GROUP_SHAPE}),
 * and writes a group call in a Profile constraint out as the tests it stands for:
 * {@code ioBound(workloads)} becomes {@code (workloads contains "realtime-messaging" || ...)}. So the
 * trace shows the profile's own workloads of the group, and explanations read a rule's condition
 * without knowing about groups.
 */
final class RuleSourceAnalyzer {
    static final String GROUP_SHAPE = "function boolean name(java.util.Set workloads) { return TERM || TERM ...; }"
            + " where a TERM is workloads.contains(\"a-workload\") or another group, otherGroup(workloads)";
    private static final Pattern PROPERTY = Pattern.compile("\\b([a-zA-Z]+)\\b");
    private static final Pattern COMPARED_STRING =
            Pattern.compile("\\b([a-zA-Z]+)\\s*(?:contains|==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern RETURN = Pattern.compile("\\s*\\{?\\s*return\\s+(.+?)\\s*;\\s*}?\\s*", Pattern.DOTALL);
    private static final Pattern MEMBER_TERM = Pattern.compile("workloads\\s*\\.\\s*contains\\s*\\(\\s*\"([a-z0-9-]+)\"\\s*\\)");
    private static final Pattern GROUP_TERM = Pattern.compile("([A-Za-z_]\\w*)\\s*\\(\\s*workloads\\s*\\)");
    private static final Pattern SET_TYPE = Pattern.compile("(?:java\\.util\\.)?Set(?:\\s*<\\s*(?:java\\.lang\\.)?String\\s*>)?");
    /** A call {@code name(property)} that is not a method of something ({@code x.name(...)}). */
    private static final Pattern CALL = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)\\s*\\(\\s*([A-Za-z_]\\w*)\\s*\\)");

    record Analysis(List<RuleDescriptor> rules, Map<String, String> consequences, Map<String, WorkloadGroup> groups,
                    List<RuleProblem> problems) {
    }

    /** A workload group as defined: where, and its member workloads in the order written (nested groups spelled out). */
    record WorkloadGroup(String name, String file, int line, List<String> members) {
    }

    /** One group as written, before the groups it names are spelled out. */
    private record Written(String name, String file, int line, List<String> terms) {
    }

    /** Reads every DRL file of a ruleset: groups first (a rule may use a group of any file), then the rules. */
    Analysis analyze(Map<String, String> drlFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, PackageDescr> packages = new LinkedHashMap<>();
        drlFiles.forEach((file, drl) -> {
            PackageDescr pkg = parse(file, drl, problems);
            if (pkg != null) packages.put(file, pkg);
        });
        Map<String, Written> written = new LinkedHashMap<>();
        packages.forEach((file, pkg) -> {
            for (FunctionDescr function : pkg.getFunctions()) {
                Written group = readGroup(file, function, problems);
                if (group == null) continue;
                Written earlier = written.putIfAbsent(group.name(), group);
                if (earlier != null) {
                    problems.add(new RuleProblem(file, group.line(), "workload group \"" + group.name()
                            + "\" is already defined at " + earlier.file() + ":" + earlier.line()));
                }
            }
        });
        Map<String, WorkloadGroup> groups = resolve(written, problems);
        List<RuleDescriptor> rules = new ArrayList<>();
        Map<String, String> consequences = new LinkedHashMap<>();
        packages.forEach((file, pkg) -> {
            for (RuleDescr rule : pkg.getRules()) {
                rules.add(describe(file, rule, groups, problems));
                consequences.put(rule.getName(), String.valueOf(rule.getConsequence()));
            }
        });
        return new Analysis(rules, consequences, java.util.Collections.unmodifiableMap(groups), problems);
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

    /** A DRL function read as a workload group; anything but the readable shape is a problem at its line. */
    private static Written readGroup(String file, FunctionDescr function, List<RuleProblem> problems) {
        String name = function.getName();
        List<String> why = new ArrayList<>();
        if (!"boolean".equals(function.getReturnType())) why.add("it must return boolean");
        if (function.getParameterNames().size() != 1 || !"workloads".equals(function.getParameterNames().get(0))
                || !SET_TYPE.matcher(function.getParameterTypes().get(0).strip()).matches()) {
            why.add("its one parameter must be java.util.Set workloads");
        }
        List<String> terms = new ArrayList<>();
        Matcher body = RETURN.matcher(function.getBody() == null ? "" : function.getBody());
        if (!body.matches()) {
            why.add("its body must be a single return of terms joined by ||");
        } else {
            for (String term : body.group(1).split("\\|\\|", -1)) {
                Matcher member = MEMBER_TERM.matcher(term.strip());
                Matcher group = GROUP_TERM.matcher(term.strip());
                if (member.matches()) {
                    terms.add("\"" + member.group(1) + "\"");
                } else if (group.matches()) {
                    terms.add(group.group(1));
                } else {
                    why.add("'" + term.strip().replaceAll("\\s+", " ") + "' is neither workloads.contains(\"a-workload\") nor group(workloads)");
                }
            }
        }
        if (!why.isEmpty()) {
            problems.add(new RuleProblem(file, function.getLine(), "function \"" + name + "\" is not a workload group of the"
                    + " readable shape (" + String.join("; ", why) + "): write " + GROUP_SHAPE));
            return null;
        }
        return new Written(name, file, function.getLine(), terms);
    }

    /** Spells every group out as its member workloads, in the order written, each once. */
    private static Map<String, WorkloadGroup> resolve(Map<String, Written> written, List<RuleProblem> problems) {
        Map<String, WorkloadGroup> groups = new LinkedHashMap<>();
        for (Written group : written.values()) {
            LinkedHashSet<String> members = new LinkedHashSet<>();
            if (spellOut(group, written, new ArrayList<>(), members, problems)) {
                groups.put(group.name(), new WorkloadGroup(group.name(), group.file(), group.line(), List.copyOf(members)));
            }
        }
        return groups;
    }

    private static boolean spellOut(Written group, Map<String, Written> written, List<String> path,
                                    LinkedHashSet<String> members, List<RuleProblem> problems) {
        if (path.contains(group.name())) {
            if (path.get(0).equals(group.name())) {
                problems.add(new RuleProblem(group.file(), group.line(), "workload group \"" + group.name()
                        + "\" contains itself: " + String.join(" → ", path) + " → " + group.name()));
            }
            return false;
        }
        path.add(group.name());
        boolean ok = true;
        for (String term : group.terms()) {
            if (term.startsWith("\"")) {
                members.add(term.substring(1, term.length() - 1));
            } else if (!written.containsKey(term)) {
                if (path.size() == 1) {
                    problems.add(new RuleProblem(group.file(), group.line(), "workload group \"" + group.name()
                            + "\" names \"" + term + "\", which is no workload group"));
                }
                ok = false;
            } else {
                ok &= spellOut(written.get(term), written, path, members, problems);
            }
        }
        path.remove(path.size() - 1);
        return ok;
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
                    String expanded = expandGroups(expr.getExpression(), groups);
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

    /**
     * A constraint with the group calls written out: {@code ioBound(workloads)} becomes
     * {@code workloads contains "realtime-messaging" || ... || workloads contains "public-api"}, in
     * parentheses unless it stands among alternatives joined by || only, where they change nothing (so
     * the condition reads as if the knowledge engineer had listed the workloads). Quoted text is left
     * alone; a call of anything but a group is kept as written.
     */
    static String expandGroups(String expression, Map<String, WorkloadGroup> groups) {
        if (groups.isEmpty()) return expression;
        String code = masked(expression);
        Matcher call = CALL.matcher(code);
        StringBuilder out = new StringBuilder();
        int done = 0;
        while (call.find()) {
            WorkloadGroup group = groups.get(call.group(1));
            if (group == null) continue;
            String tests = group.members().stream().map(m -> call.group(2) + " contains \"" + m + "\"")
                    .collect(java.util.stream.Collectors.joining(" || "));
            boolean bare = group.members().size() == 1
                    || (!negated(code, call.start()) && !enclosingLevel(code, call.start(), call.end()).contains("&&"));
            out.append(expression, done, call.start()).append(bare ? tests : "(" + tests + ")");
            done = call.end();
        }
        return out.append(expression.substring(done)).toString();
    }

    /** The expression with quoted text blanked out (same length), so that only code is matched. */
    private static String masked(String expression) {
        Matcher quoted = Pattern.compile("\"[^\"]*\"").matcher(expression);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) quoted.appendReplacement(out, "\"" + "_".repeat(quoted.group().length() - 2) + "\"");
        return quoted.appendTail(out).toString();
    }

    private static boolean negated(String code, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) i--;
        return i >= 0 && code.charAt(i) == '!';
    }

    /** The text at the same level of parentheses as [from, to), with deeper parentheses left out. */
    private static String enclosingLevel(String code, int from, int to) {
        int start = from;
        for (int depth = 0; start > 0; start--) {
            char c = code.charAt(start - 1);
            if (c == ')') depth++;
            else if (c == '(' && depth-- == 0) break;
        }
        int end = to;
        for (int depth = 0; end < code.length(); end++) {
            char c = code.charAt(end);
            if (c == '(') depth++;
            else if (c == ')' && depth-- == 0) break;
        }
        StringBuilder level = new StringBuilder();
        int depth = 0;
        for (int i = start; i < end; i++) {
            char c = code.charAt(i);
            if (c == '(') depth++;
            if (depth == 0) level.append(c);
            if (c == ')') depth--;
        }
        return level.toString();
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
