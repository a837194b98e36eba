package io.stackadvisor.problem;

import java.util.Collection;
import java.util.List;

/**
 * A query or path parameter that cannot be served as sent. Errors name the parameter as
 * {@code query.<name>} or {@code path.<name>}, so a caller can tell them from body fields.
 */
public class InvalidParameterException extends InvalidRequestException {
    public InvalidParameterException(String title, List<FieldError> errors) {
        super("invalid-parameter", title, errors.size() + " problem(s) in the query or path parameters; see errors", errors);
    }

    public static InvalidParameterException query(String name, String accepted) {
        return new InvalidParameterException("Invalid query parameter", List.of(new FieldError("query." + name, accepted)));
    }

    public static InvalidParameterException path(String name, String accepted) {
        return new InvalidParameterException("Invalid path parameter", List.of(new FieldError("path." + name, accepted)));
    }

    /** A boolean query parameter: absent is false; only {@code true} and {@code false} are accepted. */
    public static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw query(name, "true or false");
    }

    /** An optional query parameter that must be one of a fixed set of values. */
    public static String oneOf(String name, String value, Collection<String> accepted) {
        if (value == null || accepted.contains(value)) return value;
        throw query(name, "one of " + accepted.stream().sorted().toList());
    }
}
