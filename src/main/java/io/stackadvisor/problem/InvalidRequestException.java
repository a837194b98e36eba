package io.stackadvisor.problem;

import java.util.List;

/** A request that cannot be served as sent (body, path or query); every problem found is listed. */
public class InvalidRequestException extends ProblemException {
    private final List<FieldError> errors;

    public InvalidRequestException(String title, List<FieldError> errors) {
        super(Problem.invalid("invalid-profile", title, errors.size() + " problem(s) in the request body; see errors", errors));
        this.errors = List.copyOf(errors);
    }

    public String title() {
        return problem().title();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
