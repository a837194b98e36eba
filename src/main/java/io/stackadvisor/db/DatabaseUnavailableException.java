package io.stackadvisor.db;

import io.stackadvisor.problem.Problem;
import io.stackadvisor.problem.ProblemException;

/** The database did not answer; the caller may retry. */
public class DatabaseUnavailableException extends ProblemException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(Problem.of(503, "database-unavailable", "Database unavailable",
                "The database is unavailable (" + message + "). Retry shortly.").withHeader("Retry-After", "5"), cause);
    }
}
