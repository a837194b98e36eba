package io.stackadvisor.audit;

import io.stackadvisor.problem.InvalidParameterException;
import io.stackadvisor.problem.Problem;
import io.stackadvisor.problem.ProblemException;
import java.util.Optional;
import java.util.UUID;

/** Evaluation ids as they arrive in paths: a canonical UUID, or a 400 naming the path segment. */
public final class EvaluationId {
    private EvaluationId() {
    }

    public static Optional<UUID> parse(String text) {
        try {
            return text != null && text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static UUID require(String text) {
        return parse(text).orElseThrow(() -> InvalidParameterException.path("id",
                "a UUID such as 0b9f6c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"));
    }

    /** The 404 for an id no evaluation has. */
    public static ProblemException notFound(UUID id) {
        return Problem.of(404, "evaluation-not-found", "Evaluation not found", "No evaluation has the id " + id + ".").toException();
    }
}
