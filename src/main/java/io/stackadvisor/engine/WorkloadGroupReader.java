package io.stackadvisor.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;

/**
 * Reads the workload groups, DRL functions of one fixed shape (see {@link #GROUP_SHAPE}), and spells
 * every group out as its member workloads, nested groups included.
 */
final class WorkloadGroupReader {
    static final String GROUP_SHAPE = "function boolean name(java.util.Set workloads) { return TERM || TERM ...; }"
            + " where a TERM is workloads.contains(\"a-workload\") or another group, otherGroup(workloads)";
    private static final Pattern RETURN = Pattern.compile("\\s*\\{?\\s*return\\s+(.+?)\\s*;\\s*}?\\s*", Pattern.DOTALL);
    private static final Pattern MEMBER_TERM = Pattern.compile("workloads\\s*\\.\\s*contains\\s*\\(\\s*\"([a-z0-9-]+)\"\\s*\\)");
    private static final Pattern GROUP_TERM = Pattern.compile("([A-Za-z_]\\w*)\\s*\\(\\s*workloads\\s*\\)");
    private static final Pattern SET_TYPE = Pattern.compile("(?:java\\.util\\.)?Set(?:\\s*<\\s*(?:java\\.lang\\.)?String\\s*>)?");

    /** One group as written, before the groups it names are spelled out. */
    private record Written(String name, String file, int line, List<String> terms) {
    }

    private WorkloadGroupReader() {
    }

    /** The groups of every file by name (a rule may use a group of any file); each problem names its file and line. */
    static Map<String, WorkloadGroup> read(Map<String, PackageDescr> packages, List<RuleProblem> problems) {
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
        return Collections.unmodifiableMap(resolve(written, problems));
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
}
