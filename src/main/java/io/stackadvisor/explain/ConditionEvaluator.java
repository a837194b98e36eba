package io.stackadvisor.explain;

import io.stackadvisor.engine.facts.Profile;
import java.math.BigDecimal;
import java.util.Collection;

/** Evaluates a parsed condition on a profile with the rules' semantics: an unknown value passes no test but "== null". */
final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    static boolean holds(Condition condition, Profile profile) {
        if (condition instanceof Condition.Or or) return or.parts().stream().anyMatch(p -> holds(p, profile));
        if (condition instanceof Condition.And and) return and.parts().stream().allMatch(p -> holds(p, profile));
        Condition.Test test = (Condition.Test) condition;
        return holds(test, profile.valueOf(test.field()));
    }

    private static boolean holds(Condition.Test test, Object actual) {
        Object expected = test.value();
        return switch (test.op()) {
            case "contains" -> actual instanceof Collection<?> c && c.contains(expected);
            case "isEmpty" -> actual instanceof Collection<?> c && c.isEmpty();
            case "==" -> expected == null ? actual == null : equal(actual, expected);
            case "!=" -> expected == null ? actual != null : !equal(actual, expected);
            default -> actual instanceof Number n && expected instanceof BigDecimal limit && compare(test.op(), decimal(n), limit);
        };
    }

    private static boolean equal(Object actual, Object expected) {
        if (actual instanceof Number n && expected instanceof BigDecimal d) return decimal(n).compareTo(d) == 0;
        return expected.equals(actual);
    }

    private static boolean compare(String op, BigDecimal actual, BigDecimal limit) {
        int c = actual.compareTo(limit);
        return switch (op) {
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            default -> false;
        };
    }

    static BigDecimal decimal(Number n) {
        return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : new BigDecimal(n.toString());
    }
}
