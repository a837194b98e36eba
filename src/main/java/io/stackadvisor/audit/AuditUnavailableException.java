package io.stackadvisor.audit;

import io.stackadvisor.problem.Problem;
import io.stackadvisor.problem.ProblemException;

/** The audit database did not answer: no evaluation is returned that was not recorded. */
public class AuditUnavailableException extends ProblemException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(Problem.of(503, "audit-unavailable", "Audit log unavailable",
                "The audit log is unavailable (" + message + "); nothing unrecorded is returned. Retry shortly.")
                .withHeader("Retry-After", "5"), cause);
    }
}
