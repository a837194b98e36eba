package io.stackadvisor.explain;

import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProfileField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Says a condition, and what a profile holds for it, in words a product manager reads. */
final class ConditionWords {
    private static final Map<String, String> OPS = Map.of(">=", "≥", "<=", "≤", ">", ">", "<", "<");

    private ConditionWords() {
    }

    static String say(Condition condition) {
        if (condition instanceof Condition.Or or) {
            return sameFieldContains(or).orElseGet(() ->
                    or.parts().stream().map(ConditionWords::grouped).collect(Collectors.joining(", or ")));
        }
        if (condition instanceof Condition.And and) {
            return and.parts().stream().filter(p -> !redundantKnown(p, and))
                    .map(ConditionWords::grouped).collect(Collectors.joining(" and "));
        }
        return say((Condition.Test) condition);
    }

    private static String grouped(Condition part) {
        String words = say(part);
        return part instanceof Condition.Test || part instanceof Condition.Or && sameFieldContains((Condition.Or) part).isPresent()
                ? words : "(" + words + ")";
    }

    private static java.util.Optional<String> sameFieldContains(Condition.Or or) {
        Set<String> fields = new LinkedHashSet<>();
        List<String> values = new ArrayList<>();
        for (Condition part : or.parts()) {
            if (!(part instanceof Condition.Test t) || !t.op().equals("contains")) return java.util.Optional.empty();
            fields.add(t.field());
            values.add(String.valueOf(t.value()));
        }
        return fields.size() == 1
                ? java.util.Optional.of(path(fields.iterator().next()) + " to include one of: " + String.join(", ", values))
                : java.util.Optional.empty();
    }

    /** "x != null" next to another test of x says nothing the other test does not. */
    private static boolean redundantKnown(Condition part, Condition.And and) {
        return part instanceof Condition.Test t && t.op().equals("!=") && t.value() == null
                && and.parts().stream().anyMatch(o -> o != part && fields(o).contains(t.field()));
    }

    private static String say(Condition.Test t) {
        String field = path(t.field());
        return switch (t.op()) {
            case "contains" -> field + " to include " + t.value();
            case "isEmpty" -> field + " to be unknown (not given)";
            case "==" -> t.value() == null ? field + " to be unknown (not given)" : field + " to be " + shown(t.value());
            case "!=" -> t.value() == null ? field + " to be known" : field + " not to be " + shown(t.value());
            default -> field + " " + OPS.get(t.op()) + " " + shown(t.value());
        };
    }

    /** What the profile holds for every field a condition mentions. */
    static String given(Condition condition, Profile profile) {
        return fields(condition).stream().map(f -> path(f) + " " + value(profile.valueOf(f)))
                .collect(Collectors.joining(", "));
    }

    static Set<String> fields(Condition condition) {
        Set<String> fields = new LinkedHashSet<>();
        collect(condition, fields);
        return fields;
    }

    private static void collect(Condition condition, Set<String> fields) {
        if (condition instanceof Condition.Or or) or.parts().forEach(p -> collect(p, fields));
        else if (condition instanceof Condition.And and) and.parts().forEach(p -> collect(p, fields));
        else fields.add(((Condition.Test) condition).field());
    }

    static String value(Object value) {
        if (value == null) return "is not given";
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "is not given" : "is " + c.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        return "is " + shown(value);
    }

    static String shown(Object value) {
        if (value instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (value instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return String.valueOf(value);
    }

    /** A field as words ("expected concurrent connections"), not as the rules or the JSON name it. */
    static String path(String property) {
        return ProfileField.words(property);
    }
}
