package io.stackadvisor.problem;

import java.util.List;

/** A request that cannot be served as sent (body, path or query); every problem found is listed. */
public class InvalidRequestException extends RuntimeException {
    private final String title;
    private final List<FieldError> errors;

    public InvalidRequestException(String title, List<FieldError> errors) {
        super(title + ": " + errors);
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
