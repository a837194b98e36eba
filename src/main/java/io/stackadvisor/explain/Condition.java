package io.stackadvisor.explain;

import java.util.List;

/**
 * A rule's condition on the profile, read from its DRL: the tests the rules use (contains, equals,
 * comparisons, known/unknown, empty) combined with and/or. It evaluates against a profile and says
 * itself in words, so explanations follow the rules when they are edited.
 */
public sealed interface Condition {

    record Or(List<Condition> parts) implements Condition {
    }

    record And(List<Condition> parts) implements Condition {
    }

    /** {@code field op value}: op is contains, ==, !=, >=, <=, >, <, or isEmpty (value null). */
    record Test(String field, String op, Object value) implements Condition {
    }
}
