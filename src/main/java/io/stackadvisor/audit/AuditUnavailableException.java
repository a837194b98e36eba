package io.stackadvisor.audit;

/** The audit database did not answer: no evaluation is returned that was not recorded. */
public class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
