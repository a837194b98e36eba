package io.stackadvisor.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests refused by the HTTP layer before they reach a resource (a body over the configured size
 * limit) get a problem document too, like every other error: announced too large by Content-Length,
 * or found too large while reading.
 */
@ApplicationScoped
public class HttpLimitProblems {
    private final long limit;

    public HttpLimitProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) tooLarge(ctx);
            else ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().ended()) tooLarge(ctx);
            else ctx.next();
        });
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void tooLarge(RoutingContext ctx) {
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .end("{\"type\":\"https://stack-advisor.io/problems/payload-too-large\",\"title\":\"Payload Too Large\","
                        + "\"status\":413,\"detail\":\"The request body is larger than this service accepts (" + limit / 1024 + " KB).\"}");
    }
}
