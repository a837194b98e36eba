package io.stackadvisor.profile;

import java.util.List;

/** A request body that is not a valid project profile; every problem found is listed. */
public class ProfileRejectedException extends RuntimeException {
    private final String title;
    private final List<FieldError> errors;

    public ProfileRejectedException(String title, List<FieldError> errors) {
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
