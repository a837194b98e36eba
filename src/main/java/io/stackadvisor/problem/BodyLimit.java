package io.stackadvisor.problem;

/**
 * A request-body limit for one path, larger or smaller than the service's default: a feature
 * declares it as a CDI bean and {@link HttpLimitProblems} enforces it.
 */
public record BodyLimit(String path, long bytes) {
}
