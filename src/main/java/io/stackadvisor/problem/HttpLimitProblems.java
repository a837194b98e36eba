package io.stackadvisor.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final String body;

    public HttpLimitProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                             ObjectMapper json) throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.body = json.writeValueAsString(Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than this service accepts (" + this.limit / 1024 + " KB)."));
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
                .end(body);
    }
}
