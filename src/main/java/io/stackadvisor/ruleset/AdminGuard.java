package io.stackadvisor.ruleset;

import io.stackadvisor.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks the admin token (Authorization: Bearer ...) from configuration; no token configured, no admin. */
@ApplicationScoped
public class AdminGuard {
    private final Optional<String> token;

    public AdminGuard(@ConfigProperty(name = "stack-advisor.admin.token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    /** Empty when the caller may proceed, else the 401 to send. */
    public Optional<Response> refuse(String authorization) {
        if (token.isEmpty()) {
            return Optional.of(unauthorized("Admin endpoints are disabled: no admin token is configured "
                    + "(set STACK_ADVISOR_ADMIN_TOKEN)."));
        }
        String presented = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        boolean same = MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8));
        return same ? Optional.empty() : Optional.of(unauthorized("Send the admin token as 'Authorization: Bearer <token>'."));
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized", detail).toResponse())
                .header("WWW-Authenticate", "Bearer realm=\"stack-advisor-admin\"").build();
    }
}
