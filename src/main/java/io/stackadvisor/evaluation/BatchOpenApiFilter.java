package io.stackadvisor.evaluation;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the annotations cannot say about the batch. Its request body is an array of the published
 * ProjectProfile schema (META-INF/openapi.json): an array's items come from a Java class, and the Java
 * ProjectProfile would be published as a second, different schema.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BatchOpenApiFilter implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem path = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(BatchEvaluationResource.PATH);
        Operation post = path == null ? null : path.getPOST();
        if (post != null && post.getRequestBody() != null && post.getRequestBody().getContent() != null) {
            var json = post.getRequestBody().getContent().getMediaType(MediaType.APPLICATION_JSON);
            Schema array = json == null ? null : json.getSchema();
            if (array != null) array.setItems(OASFactory.createSchema().ref("ProjectProfile"));
        }
    }
}
