package io.stackadvisor.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every answer an API test receives is checked against the committed OpenAPI document (which
 * {@code OpenApiContractTest} keeps equal to the served one): a response whose status, headers or body
 * the document does not declare fails the test that received it. Requests are not checked: tests send
 * bad ones on purpose. Registered in META-INF/services twice: as a JUnit extension (autodetection is on
 * under Quarkus) and as a Quarkus callback, because @QuarkusTest classes run in Quarkus's class loader
 * with their own copy of RestAssured.
 */
public class ContractValidation implements BeforeAllCallback, QuarkusTestBeforeClassCallback {
    public static final Path DOCUMENT = Path.of("src/main/openapi/stack-advisor-api.json");
    private static volatile OpenApiInteractionValidator validator;
    private static volatile boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    /** Under @QuarkusTest the test runs in Quarkus's class loader, with its own RestAssured. */
    @Override
    public void beforeClass(Class<?> testClass) {
        install();
    }

    public static synchronized void install() {
        if (installed) return;
        RestAssured.filters(new ApiResponsesOnly(new OpenApiValidationFilter(validator())));
        installed = true;
    }

    /** The validator for the committed document, requests not checked. */
    public static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (ContractValidation.class) {
                if (validator == null) {
                    // The parser finds its extensions with ServiceLoader on the context class loader; under
                    // @QuarkusTest that is Quarkus's, which sees other copies of the parser's classes.
                    Thread thread = Thread.currentThread();
                    ClassLoader previous = thread.getContextClassLoader();
                    thread.setContextClassLoader(ContractValidation.class.getClassLoader());
                    try {
                        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document())
                                .withLevelResolver(LevelResolver.create()
                                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                        .build())
                                .build();
                    } finally {
                        thread.setContextClassLoader(previous);
                    }
                }
            }
        }
        return validator;
    }

    public static String document() {
        try {
            return Files.readString(DOCUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages (/ui) and Quarkus endpoints (/q) are not part of the API document. */
    private record ApiResponsesOnly(Filter delegate) implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            String path = URI.create(request.getURI()).getPath();
            return path.startsWith("/api/") ? delegate.filter(request, response, context) : context.next(request, response);
        }
    }
}
