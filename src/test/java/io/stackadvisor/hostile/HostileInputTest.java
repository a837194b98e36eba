package io.stackadvisor.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every request of the hostile corpus gets a clear 4xx problem+json: never a 5xx, a stack trace or a path. */
@QuarkusTest
class HostileInputTest {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/evaluations")
    URI evaluations;

    static List<HostileCorpus.Request> corpus() {
        return HostileCorpus.all();
    }

    @Test
    void theCorpusIsLargeEnough() {
        assertTrue(corpus().size() >= 200, "corpus size " + corpus().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblem(HostileCorpus.Request request) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(evaluations)
                .header("Content-Type", request.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, "status " + status + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.get("status").asInt());
        assertFalse(problem.get("title").asText().isBlank());
        for (String leak : List.of("Exception", "\tat ", "/work/", "io.stackadvisor", "com.fasterxml")) {
            assertFalse(response.body().contains(leak), "leaks " + leak + ": " + response.body());
        }
    }
}
