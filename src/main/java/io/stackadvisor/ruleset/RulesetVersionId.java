package io.stackadvisor.ruleset;

import io.stackadvisor.problem.FieldError;
import io.stackadvisor.problem.InvalidParameterException;
import io.stackadvisor.problem.Problem;
import io.stackadvisor.problem.ProblemException;
import java.util.List;
import java.util.regex.Pattern;

/** Ruleset versions as they arrive in paths and queries: sha256: and 64 lower-case hex digits, or a 400. */
public final class RulesetVersionId {
    static final String ACCEPTED = "a ruleset version: sha256: followed by 64 lower-case hex digits";
    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{64}");

    private RulesetVersionId() {
    }

    public static boolean wellFormed(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /** A path parameter: the version, or a 400 naming path.{name}. */
    public static String path(String name, String text) {
        if (!wellFormed(text)) throw InvalidParameterException.path(name, ACCEPTED);
        return text;
    }

    /** A query parameter: the version, or a 400 naming query.{name}. */
    public static String query(String name, String text) {
        if (!wellFormed(text)) throw InvalidParameterException.query(name, ACCEPTED);
        return text;
    }

    /** The 404 for a well-formed version no stored ruleset has; {@code field} is query.x or path.x. */
    public static ProblemException notFound(String field, String version) {
        Problem problem = Problem.of(404, "ruleset-version-not-found", "Ruleset version not found",
                "No stored ruleset has the version " + version + ".");
        return new Problem(problem.type(), problem.title(), 404, problem.detail(),
                List.of(new FieldError(field, "a stored ruleset version (GET /api/v1/rulesets lists them)")), null, null)
                .toException();
    }
}
