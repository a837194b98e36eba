package io.stackadvisor.problem;

/**
 * A failure that has a problem document for the caller. Features throw it (or a subclass) and
 * {@link ProblemMappers} answers with the problem, so no feature builds error responses itself.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Throwable cause) {
        super(problem.title() + ": " + problem.detail(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
