package io.stackadvisor.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus as one-profile batches: never a 5xx and never accepted; a profile a single POST
 * refuses with 400 is refused in a batch with the very same problem document.
 */
@QuarkusTest
class HostileBatchInputTest {
    @TestHTTPResource("/api/v1/evaluations")
    URI evaluations;

    @TestHTTPResource("/api/v1/evaluations/batch")
    URI batch;

    static List<HostileCorpus.Request> corpus() {
        return HostileCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedInABatchAsAlone(HostileCorpus.Request request) throws Exception {
        HttpResponse<String> single = post(evaluations, request.contentType(), request.body());
        ByteArrayOutputStream wrapped = new ByteArrayOutputStream();
        wrapped.write('[');
        wrapped.write(request.body());
        wrapped.write(']');
        HttpResponse<String> answer = post(batch, request.contentType(), wrapped.toByteArray());
        int status = answer.statusCode();
        for (String leak : List.of("Exception", "\tat ", "/work/", "io.stackadvisor", "com.fasterxml")) {
            assertFalse(answer.body().contains(leak), "leaks " + leak + ": " + answer.body());
        }
        if (status != 200) {
            assertTrue(status >= 400 && status < 500, "status " + status + ": " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertEquals(status, HostileInputTest.JSON.readTree(answer.body()).get("status").asInt());
            return;
        }
        JsonNode result = HostileInputTest.JSON.readTree(answer.body());
        assertEquals(0, result.get("accepted").asInt(), answer.body());
        assertEquals(1, result.get("rejected").asInt(), answer.body());
        JsonNode item = result.get("items").get(0);
        assertEquals(400, item.get("status").asInt());
        if (single.statusCode() == 400) {
            // The same problem; a parser's "length (N) exceeds" may count up to a different buffer boundary.
            assertEquals(withoutCounts(single.body()), withoutCounts(item.get("problem").toString()), "the single POST's problem");
        }
    }

    private static JsonNode withoutCounts(String problem) throws Exception {
        return HostileInputTest.JSON.readTree(problem.replaceAll("length \\(\\d+\\)", "length (n)"));
    }

    private static HttpResponse<String> post(URI uri, String contentType, byte[] body) throws Exception {
        return HostileInputTest.HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
