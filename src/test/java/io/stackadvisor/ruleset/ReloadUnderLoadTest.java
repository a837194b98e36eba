package io.stackadvisor.ruleset;

import io.stackadvisor.testing.RulesCopy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reloads, good and bad, under a steady load of evaluations: no failed request, no mixed ruleset. */
@QuarkusTest
@TestProfile(ReloadProfile.class)
class ReloadUnderLoadTest {
    static final int CLIENTS = 4;

    @TestHTTPResource("/api/v1/evaluations")
    URI evaluations;

    @TestHTTPResource("/api/v1/ruleset/reload")
    URI reload;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void reloadsNeverFailARequestNorMixTwoRulesets() throws Exception {
        RulesCopy.reset(ReloadProfile.RULES);
        assertEquals(200, reload().statusCode());
        String v1 = json.readTree(reload().body()).get("liveVersion").asText();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        Map<String, AtomicInteger> perVersion = new ConcurrentHashMap<>();
        List<String> mixed = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running_ = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            running_.add(clients.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> r = post(RulesetReloadTest.CHAT);
                    if (r.statusCode() != 201) {
                        failures.incrementAndGet();
                        continue;
                    }
                    JsonNode body = json.readTree(r.body());
                    String version = body.get("rulesetVersion").asText();
                    perVersion.computeIfAbsent(version, k -> new AtomicInteger()).incrementAndGet();
                    boolean oldName = r.body().contains(RulesetReloadTest.OLD_NAME);
                    boolean newName = r.body().contains(RulesetReloadTest.NEW_NAME);
                    if (version.equals(v1) ? (!oldName || newName) : (oldName || !newName)) mixed.add(version);
                }
                return null;
            }));
        }
        Thread.sleep(500);
        RulesCopy.edit(ReloadProfile.RULES, "evidence/realtime.drl", RulesetReloadTest.OLD_NAME, RulesetReloadTest.NEW_NAME);
        assertEquals(200, reload().statusCode(), "good reload");
        Thread.sleep(500);
        RulesCopy.edit(ReloadProfile.RULES, "evidence/realtime.drl", "rule \"RT-03", "rul \"RT-03");
        assertEquals(422, reload().statusCode(), "broken reload");
        Thread.sleep(500);
        RulesCopy.reset(ReloadProfile.RULES);
        assertEquals(200, reload().statusCode(), "revert");
        Thread.sleep(500);
        running.set(false);
        for (Future<?> f : running_) f.get(30, TimeUnit.SECONDS);
        clients.shutdown();

        assertEquals(0, failures.get(), "failed requests");
        assertEquals(List.of(), mixed, "evaluations whose trace does not match their ruleset version");
        assertEquals(2, perVersion.size(), "evaluations ran on exactly the old and the new version: " + perVersion);
        assertTrue(perVersion.values().stream().allMatch(n -> n.get() > 0), perVersion.toString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(evaluations).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> reload() throws Exception {
        return http.send(HttpRequest.newBuilder(reload).header("Authorization", "Bearer " + ReloadProfile.TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
