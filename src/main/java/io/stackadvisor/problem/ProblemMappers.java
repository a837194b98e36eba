package io.stackadvisor.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as application/problem+json. Features throw {@link ProblemException}s; the HTTP
 * layer's own refusals and unexpected failures are mapped here too, the latter logged with their
 * stack trace and answered without one.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        if (e.problem().status() >= 500) LOG.error(e.getMessage(), e.getCause());
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-");
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource answers application/json (errors as application/problem+json).";
            case 413 -> "The request body is larger than this service accepts.";
            case 415 -> "Send the body as application/json.";
            default -> status.getReasonPhrase();
        };
        if (Response.Status.fromStatusCode(status.getStatusCode()) == null) {
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null, null).toResponse();
        }
        return Problem.of(status.getStatusCode(), slug, status.getReasonPhrase(), detail).toResponse();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure while serving a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; it has been logged.").toResponse();
    }
}
