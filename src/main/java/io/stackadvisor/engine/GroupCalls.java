package io.stackadvisor.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a group call in a Profile constraint out as the tests it stands for: {@code ioBound(workloads)}
 * becomes {@code (workloads contains "realtime-messaging" || ...)}. So the trace shows the profile's own
 * workloads of the group, and explanations read a rule's condition without knowing about groups.
 */
final class GroupCalls {
    /** A call {@code name(property)} that is not a method of something ({@code x.name(...)}). */
    private static final Pattern CALL = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)\\s*\\(\\s*([A-Za-z_]\\w*)\\s*\\)");

    private GroupCalls() {
    }

    /**
     * A constraint with the group calls written out: {@code ioBound(workloads)} becomes
     * {@code workloads contains "realtime-messaging" || ... || workloads contains "public-api"}, in
     * parentheses unless it stands among alternatives joined by || only, where they change nothing (so
     * the condition reads as if the knowledge engineer had listed the workloads). Quoted text is left
     * alone; a call of anything but a group is kept as written.
     */
    static String expand(String expression, Map<String, WorkloadGroup> groups) {
        if (groups.isEmpty()) return expression;
        String code = masked(expression);
        Matcher call = CALL.matcher(code);
        StringBuilder out = new StringBuilder();
        int done = 0;
        while (call.find()) {
            WorkloadGroup group = groups.get(call.group(1));
            if (group == null) continue;
            String tests = group.members().stream().map(m -> call.group(2) + " contains \"" + m + "\"")
                    .collect(Collectors.joining(" || "));
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
}
