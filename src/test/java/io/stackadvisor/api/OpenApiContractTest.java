package io.stackadvisor.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stackadvisor.profile.ProfileSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.stackadvisor.testing.ContractValidation;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published document is the reviewed snapshot in src/main/openapi: a change to the API shows up
 * as a failing test here until the snapshot is updated on purpose
 * ({@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.snapshot=update}) and reviewed in the diff.
 */
@QuarkusTest
class OpenApiContractTest {
    @Inject
    ObjectMapper json;

    @Test
    void theServedDocumentIsTheReviewedSnapshot() throws Exception {
        String served = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        Path snapshot = ContractValidation.DOCUMENT;
        if ("update".equals(System.getProperty("openapi.snapshot"))) {
            Files.writeString(snapshot, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(served)) + "\n");
        }
        Path copy = Path.of("target/openapi-served.json");
        Files.writeString(copy, served);
        assertEquals(json.readTree(Files.readString(snapshot)), json.readTree(served),
                "The served OpenAPI document differs from " + snapshot + " (served copy: " + copy + "). If the change is "
                        + "intended, run ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.snapshot=update and review the diff.");
    }

    @Test
    void everyExampleConformsToTheSchemaOfItsAnswer() throws Exception {
        JsonNode document = json.readTree(ContractValidation.document());
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> answer : operation.getValue().path("responses").properties()) {
                    String where = operation.getKey().toUpperCase() + " " + path.getKey() + " " + answer.getKey();
                    for (Map.Entry<String, JsonNode> content : resolve(document, answer.getValue()).path("content").properties()) {
                        for (JsonNode example : examples(document, content.getValue())) {
                            ValidationReport report = ContractValidation.validator().validateResponse(path.getKey(),
                                    Request.Method.valueOf(operation.getKey().toUpperCase()),
                                    SimpleResponse.Builder.status(Integer.parseInt(answer.getKey()))
                                            .withContentType(content.getKey()).withBody(json.writeValueAsString(example)).build());
                            checked.add(where);
                            if (report.hasErrors()) failures.add(where + ": " + report.getMessages());
                        }
                    }
                }
            }
        }
        assertTrue(checked.contains("POST /api/v1/evaluations 201"), "the document has examples: " + checked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void requestExamplesAreValidProfiles() throws Exception {
        JsonNode document = json.readTree(ContractValidation.document());
        JsonNode examples = document.at("/paths/~1api~1v1~1evaluations/post/requestBody/content/application~1json/examples");
        assertFalse(examples.isEmpty());
        for (JsonNode example : examples) {
            given().contentType("application/json").body(json.writeValueAsString(resolve(document, example).get("value")))
                    .when().post("/api/v1/evaluations").then().statusCode(201);
        }
    }

    /**
     * The document's ProjectProfile is the published profile schema (profile.schema.json, the one field
     * list) in OpenAPI 3.0's dialect: a numeric exclusive bound becomes a bound plus a boolean.
     */
    @Test
    void theProfileSchemaIsThePublishedOne() throws Exception {
        ObjectNode published = (ObjectNode) json.readTree(getClass().getResource(ProfileSchema.RESOURCE));
        published.remove(List.of("$schema", "$id"));
        JsonNode document = json.readTree(ContractValidation.document());
        assertEquals(toOpenApi30(published), document.at("/components/schemas/ProjectProfile"));
    }

    private static JsonNode toOpenApi30(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            for (String bound : List.of("Minimum", "Maximum")) {
                JsonNode exclusive = object.get("exclusive" + bound);
                if (exclusive != null && exclusive.isNumber()) {
                    object.set(bound.toLowerCase(), exclusive);
                    object.put("exclusive" + bound, true);
                }
            }
            object.forEach(OpenApiContractTest::toOpenApi30);
        }
        return schema;
    }

    /** The example of a media type, or each of its named examples (resolving references). */
    private static List<JsonNode> examples(JsonNode document, JsonNode mediaType) {
        List<JsonNode> found = new ArrayList<>();
        if (mediaType.has("example")) found.add(mediaType.get("example"));
        for (JsonNode named : mediaType.path("examples")) found.add(resolve(document, named).get("value"));
        return found;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : document.at(ref.asText().substring(1));
    }
}
