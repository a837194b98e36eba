package io.stackadvisor.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What every operation of the published document shares, said once: every answer carries
 * X-Request-Id, and an operation that needs no token says so ({@code security: [{}]}) instead of
 * leaving it to the reader.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {
    private static final String REQUEST_ID = "X-Request-Id";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::complete));
        if (openAPI.getComponents() != null && openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(ApiDocumentFilter::withRequestId);
        }
    }

    private void complete(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        if (operation.getResponses() == null) return;
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        if (responses != null) responses.values().stream().filter(r -> r.getRef() == null).forEach(ApiDocumentFilter::withRequestId);
    }

    private static void withRequestId(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(REQUEST_ID)) {
            Header header = OASFactory.createHeader().ref(REQUEST_ID);
            response.addHeader(REQUEST_ID, header);
        }
    }
}
