package io.stackadvisor.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request-body limits, answered with a problem document like every other error. Every path accepts
 * {@code stack-advisor.http.max-body-size} but those given their own {@link BodyLimit}; the HTTP
 * layer's limit ({@code quarkus.http.limits.max-body-size}) must be at least the largest of them. A
 * body announced too large by Content-Length is refused before it is read; one sent without a length
 * is cut off at its path's limit while it is read.
 */
@ApplicationScoped
public class HttpLimitProblems {
    /** Where Quarkus's reader of a body without Content-Length looks for its limit (VertxHttpRecorder). */
    private static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    private final Limit fallback;
    private final Map<String, Limit> byPath = new HashMap<>();

    private record Limit(long bytes, String body) {
    }

    public HttpLimitProblems(@ConfigProperty(name = "stack-advisor.http.max-body-size", defaultValue = "64K") MemorySize limit,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpLayer,
                             Instance<BodyLimit> limits, ObjectMapper json) throws JsonProcessingException {
        this.fallback = limit(limit.asLongValue(), httpLayer.asLongValue(), "stack-advisor.http.max-body-size", json);
        for (BodyLimit own : limits) {
            byPath.put(own.path(), limit(own.bytes(), httpLayer.asLongValue(), own.path(), json));
        }
    }

    private static Limit limit(long bytes, long httpLayer, String what, ObjectMapper json) throws JsonProcessingException {
        if (bytes > httpLayer) {
            throw new IllegalStateException("the body limit of " + what + " (" + bytes + " bytes) is above "
                    + "quarkus.http.limits.max-body-size (" + httpLayer + " bytes); raise that one to at least as much");
        }
        return new Limit(bytes, json.writeValueAsString(Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than this service accepts (" + bytes / 1024 + " KB).")));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            Limit limit = limitOf(ctx);
            if (length != null && tooLarge(length, limit)) tooLarge(ctx, limit);
            else ctx.next();
        });
        // Runs after Quarkus has set its own limit for a body without Content-Length, and narrows it to the path's.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(ctx -> {
            if (ctx.get(MAX_REQUEST_SIZE_KEY) != null) ctx.put(MAX_REQUEST_SIZE_KEY, limitOf(ctx).bytes());
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().ended()) tooLarge(ctx, limitOf(ctx));
            else ctx.next();
        });
    }

    private Limit limitOf(RoutingContext ctx) {
        if (byPath.isEmpty()) return fallback;
        String path = ctx.normalizedPath();
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return byPath.getOrDefault(path, fallback);
    }

    private static boolean tooLarge(String contentLength, Limit limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit.bytes();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void tooLarge(RoutingContext ctx, Limit limit) {
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .end(limit.body());
    }
}
