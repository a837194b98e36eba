package io.stackadvisor.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the one way this service describes an error: {@code errors} lists
 * field-level validation failures; {@link #with} adds an extension member (such as a rejected
 * reload's report); headers travel with it to the response.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
@Schema(description = "An RFC 9457 problem document; members beyond these carry details of some problems (a rejected reload's report)",
        requiredProperties = {"type", "title", "status"}, additionalProperties = Schema.True.class)
public record Problem(@Schema(format = "uri", description = "What kind of problem: https://stack-advisor.io/problems/<slug>") String type,
                      String title, @Schema(minimum = "400", maximum = "599") int status, String detail,
                      @Schema(description = "Field-level failures of a 400") List<FieldError> errors,
                      @JsonIgnore Map<String, Object> extensions, @JsonIgnore Map<String, String> headers) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://stack-advisor.io/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, null, null);
    }

    public static Problem of(Response.Status status, String slug, String title, String detail) {
        return of(status.getStatusCode(), slug, title, detail);
    }

    public static Problem invalid(String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, 400, detail, List.copyOf(errors), null, null);
    }

    /** The same problem with one more extension member, serialised after the standard ones. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, errors, more, headers);
    }

    /** The same problem with a response header (Retry-After, WWW-Authenticate, ...). */
    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, title, status, detail, errors, extensions, more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return new java.util.TreeMap<>(extensions);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(this);
        headers.forEach(response::header);
        return response.build();
    }

    /** This problem as an exception, for code that cannot return a response. */
    public ProblemException toException() {
        return new ProblemException(this);
    }
}
