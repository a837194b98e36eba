package io.stackadvisor.explain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the constraint language the rules are written in (a small subset of DRL/MVEL):
 * {@code a || b}, {@code a && b}, parentheses, {@code field contains "x"}, {@code field == "x"},
 * {@code field != null}, {@code field >= 1000}, {@code field == true}, {@code field.isEmpty()}.
 * Anything else is refused, and the lint reports the rule, so explanations never silently lie.
 */
public final class ConditionParser {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\|\\||&&|\\(|\\)|\\.isEmpty\\(\\)|==|!=|>=|<=|>|<|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z_0-9]*)");

    private final List<String> tokens = new ArrayList<>();
    private int at;

    private ConditionParser(String text) {
        Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (end < text.length() && m.find(end) && m.start() == end) {
            tokens.add(m.group(1));
            end = m.end();
        }
        if (!text.substring(end).isBlank()) throw new IllegalArgumentException("cannot read '" + text.substring(end).strip() + "'");
    }

    /** The conjunction of a Profile pattern's constraints. */
    public static Condition parseAll(List<String> constraints) {
        List<Condition> parts = new ArrayList<>();
        for (String constraint : constraints) parts.add(parse(constraint));
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    public static Condition parse(String text) {
        ConditionParser parser = new ConditionParser(text);
        Condition condition = parser.or();
        if (parser.at != parser.tokens.size()) throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.at) + "'");
        return condition;
    }

    private Condition or() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (peek("||")) {
            at++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(unary()));
        while (peek("&&")) {
            at++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    private Condition unary() {
        if (peek("(")) {
            at++;
            Condition inner = or();
            expect(")");
            return inner;
        }
        String field = next();
        if (peek(".isEmpty()")) {
            at++;
            return new Condition.Test(field, "isEmpty", null);
        }
        String op = next();
        if (!List.of("contains", "==", "!=", ">=", "<=", ">", "<").contains(op)) {
            throw new IllegalArgumentException("unsupported operator '" + op + "'");
        }
        return new Condition.Test(field, op, literal(next()));
    }

    private static Object literal(String token) {
        if (token.startsWith("\"")) return token.substring(1, token.length() - 1);
        if (token.equals("null")) return null;
        if (token.equals("true") || token.equals("false")) return Boolean.valueOf(token);
        return new BigDecimal(token);
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private String next() {
        if (at >= tokens.size()) throw new IllegalArgumentException("the condition ends too early");
        return tokens.get(at++);
    }

    private void expect(String token) {
        if (!peek(token)) throw new IllegalArgumentException("expected '" + token + "'");
        at++;
    }
}
