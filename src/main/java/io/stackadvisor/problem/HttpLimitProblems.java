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
 * or found too large while reading. Bodies are limited to stack-advisor.http.max-body-size, except
 * uploaded rules folders (POST /api/v1/rulesets), which may be as large as quarkus.http.limits.max-body-size.
 */
@ApplicationScoped
public class HttpLimitProblems {
    static final String UPLOAD_PATH = "/api/v1/rulesets";

    private final long limit;
    private final long uploadLimit;
    private final String body;
    private final String uploadBody;

    public HttpLimitProblems(@ConfigProperty(name = "stack-advisor.http.max-body-size", defaultValue = "64K") MemorySize limit,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize uploadLimit,
                             ObjectMapper json) throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.uploadLimit = uploadLimit.asLongValue();
        this.body = json.writeValueAsString(Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than this service accepts (" + this.limit / 1024 + " KB)."));
        this.uploadBody = json.writeValueAsString(Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than this service accepts (" + this.uploadLimit / 1024 + " KB)."));
    }

    /**
     * For resources that take a body: one sent without Content-Length (chunked) is only limited by the
     * upload size on the way in, so it is measured here against the ordinary limit.
     */
    public void requireWithinLimit(long length) {
        if (length > limit) {
            throw Problem.of(413, "payload-too-large", "Payload Too Large",
                    "The request body is larger than this service accepts (" + limit / 1024 + " KB).").toException();
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            boolean upload = UPLOAD_PATH.equals(ctx.request().path());
            if (length != null && tooLarge(length, upload ? uploadLimit : limit)) tooLarge(ctx, upload ? uploadBody : body);
            else ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().ended()) tooLarge(ctx, uploadBody);
            else ctx.next();
        });
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void tooLarge(RoutingContext ctx, String body) {
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .end(body);
    }
}
