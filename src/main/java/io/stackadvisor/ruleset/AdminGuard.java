package io.stackadvisor.ruleset;

import io.stackadvisor.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** Returns when the caller may proceed; otherwise throws the 401 problem. */
    public void check(String authorization) {
        if (token.isEmpty()) {
            throw unauthorized("Admin endpoints are disabled: no admin token is configured (set STACK_ADVISOR_ADMIN_TOKEN).");
        }
        String presented = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("Send the admin token as 'Authorization: Bearer <token>'.");
        }
    }

    private static RuntimeException unauthorized(String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail)
                .withHeader("WWW-Authenticate", "Bearer realm=\"stack-advisor-admin\"").toException();
    }
}
