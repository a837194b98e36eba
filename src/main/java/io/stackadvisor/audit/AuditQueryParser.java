package io.stackadvisor.audit;

import io.stackadvisor.problem.FieldError;
import io.stackadvisor.problem.InvalidParameterException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns query parameters into an {@link EvaluationQuery}, or a 400 naming every bad parameter. */
public final class AuditQueryParser {
    private static final Set<String> VERDICTS = Set.of("NODEJS", "PYTHON", "HYBRID", "UNDETERMINED");
    private static final Pattern CLAIM = Pattern.compile("[A-Z]{2,5}-\\d{2}");
    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{64}");

    private AuditQueryParser() {
    }

    public static EvaluationQuery parse(AuditFilters filters, String cursor, String limit, int defaultLimit, int maxLimit) {
        String verdict = filters.verdict;
        String claim = filters.claim;
        String rulesetVersion = filters.rulesetVersion;
        String name = filters.name;
        List<FieldError> errors = new ArrayList<>();
        if (verdict != null && !VERDICTS.contains(verdict)) {
            errors.add(new FieldError("query.verdict", "one of " + VERDICTS.stream().sorted().toList()));
        }
        if (claim != null && !CLAIM.matcher(claim).matches()) {
            errors.add(new FieldError("query.claim", "a claim id such as RT-01 (see GET /api/v1/claims)"));
        }
        if (rulesetVersion != null && !VERSION.matcher(rulesetVersion).matches()) {
            errors.add(new FieldError("query.rulesetVersion", "sha256: followed by 64 hex digits, as in an evaluation"));
        }
        Instant fromAt = instant("query.from", filters.from, errors);
        Instant toAt = instant("query.to", filters.to, errors);
        if (name != null && (name.isEmpty() || name.length() > 200)) {
            errors.add(new FieldError("query.name", "1 to 200 characters"));
        }
        Cursor after = null;
        if (cursor != null) {
            after = Cursor.decode(cursor);
            if (after == null) errors.add(new FieldError("query.cursor", "use the 'next' cursor of a previous page as is"));
        }
        int size = defaultLimit;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > maxLimit) errors.add(new FieldError("query.limit", "a whole number from 1 to " + maxLimit));
        }
        if (!errors.isEmpty()) throw new InvalidParameterException("Invalid search parameters", errors);
        return new EvaluationQuery(verdict, claim, rulesetVersion, fromAt, toAt, name, after, size);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an ISO-8601 UTC time such as 2026-11-22T07:00:00Z"));
            return null;
        }
    }
}
