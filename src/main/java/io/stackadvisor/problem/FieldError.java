package io.stackadvisor.problem;

/** One reason a request was rejected: the JSON pointer of the offending field and what is accepted. */
public record FieldError(String field, String message) {
}
