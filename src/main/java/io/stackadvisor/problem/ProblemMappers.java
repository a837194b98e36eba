package io.stackadvisor.problem;

import io.stackadvisor.audit.AuditUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as application/problem+json. Unexpected failures are logged with their stack
 * trace here and answered without one.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response rejected(InvalidRequestException e) {
        return Problem.invalid("invalid-profile", e.title(), e.errors().size() + " problem(s) in the request body; see errors", e.errors())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
        String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-");
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource answers application/json (errors as application/problem+json).";
            case 413 -> "The request body is larger than this service accepts.";
            case 415 -> "Send the body as application/json.";
            default -> status.getReasonPhrase();
        };
        if (known == null) {
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null).toResponse();
        }
        return Problem.of(known, slug, status.getReasonPhrase(), detail).toResponse();
    }

    @ServerExceptionMapper
    public Response auditDown(AuditUnavailableException e) {
        LOG.error("Audit log unavailable: " + e.getMessage(), e.getCause());
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "audit-unavailable",
                "Audit log unavailable", "The evaluation was not recorded, so it is not returned. Retry shortly.")
                .toResponse()).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure while serving a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; it has been logged.").toResponse();
    }
}
