package io.stackadvisor.problem;

import java.util.List;

/** A request body that cannot be served as sent; every problem found is listed, each field named by JSON pointer. */
public class InvalidRequestException extends ProblemException {
    private final List<FieldError> errors;

    public InvalidRequestException(String title, List<FieldError> errors) {
        this("invalid-profile", title, errors.size() + " problem(s) in the request body; see errors", errors);
    }

    protected InvalidRequestException(String slug, String title, String detail, List<FieldError> errors) {
        super(Problem.invalid(slug, title, detail, errors));
        this.errors = List.copyOf(errors);
    }

    public String title() {
        return problem().title();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
