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
                    JsonNode response = resolve(document, answer.getValue());
                    for (Map.Entry<String, JsonNode> content : response.path("content").properties()) {
                        JsonNode example = content.getValue().get("example");
                        if (example == null) continue;
                        String where = operation.getKey().toUpperCase() + " " + path.getKey() + " " + answer.getKey();
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
        assertFalse(checked.isEmpty(), "the document has examples");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static JsonNode resolve(JsonNode document, JsonNode response) {
        JsonNode ref = response.get("$ref");
        return ref == null ? response : document.at(ref.asText().substring(1));
    }
}
