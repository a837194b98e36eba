package io.stackadvisor.problem;

/** One reason a request was rejected: the JSON pointer of the offending field and what is accepted. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"field", "message"})
public record FieldError(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(
                description = "A JSON pointer into the body (\"/concurrentConnections\"), or query.<name> / path.<name>") String field,
        String message) {
}
