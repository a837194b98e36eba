package io.stackadvisor.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists field-level validation failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://stack-advisor.io/problems/";

    public static Problem of(Response.Status status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status.getStatusCode(), detail, null);
    }

    public static Problem invalid(String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, 400, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
