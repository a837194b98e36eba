package io.stackadvisor.audit;

import java.time.Instant;

/** Filters of the audit log; null means "any". Results are newest first. */
public record EvaluationQuery(String verdict, String claim, String rulesetVersion, Instant from, Instant to,
                              String name, Cursor after, int limit) {
    public static final int MAX_LIMIT = 500;

    public EvaluationQuery withAfter(Cursor cursor, int newLimit) {
        return new EvaluationQuery(verdict, claim, rulesetVersion, from, to, name, cursor, newLimit);
    }
}
