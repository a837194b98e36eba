package io.stackadvisor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stackadvisor.client.ApiClient;
import io.stackadvisor.client.ApiException;
import io.stackadvisor.client.api.ClaimsApi;
import io.stackadvisor.client.api.EvaluationsApi;
import io.stackadvisor.client.api.ExplanationsApi;
import io.stackadvisor.client.api.ReplayAndImpactApi;
import io.stackadvisor.client.api.RulesApi;
import io.stackadvisor.client.api.RulesetApi;
import io.stackadvisor.client.api.RulesetVersionsApi;
import io.stackadvisor.client.api.ShadowApi;
import io.stackadvisor.client.model.RulesetVersionStatus;
import io.stackadvisor.client.model.StoredRulesetVersion;
import io.stackadvisor.client.model.StoredRulesetVersionDetail;
import io.stackadvisor.client.model.Claim;
import io.stackadvisor.client.model.Evaluation;
import io.stackadvisor.client.model.EvaluationBatchItem;
import io.stackadvisor.client.model.EvaluationBatchResult;
import io.stackadvisor.client.model.EvaluationPage;
import io.stackadvisor.client.model.EvaluationSummary;
import io.stackadvisor.client.model.Explanation;
import io.stackadvisor.client.model.ImpactReport;
import io.stackadvisor.client.model.Phase;
import io.stackadvisor.client.model.ProjectProfile;
import io.stackadvisor.client.model.ReloadOutcome;
import io.stackadvisor.client.model.Replay;
import io.stackadvisor.client.model.Rule;
import io.stackadvisor.client.model.Ruleset;
import io.stackadvisor.client.model.ShadowReport;
import io.stackadvisor.client.model.Verdict;
import io.stackadvisor.ruleset.ReloadProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client OpenAPI Generator makes from the reviewed document (pom.xml, generate-test-sources)
 * calls every operation, good and bad, as an integrating team's code would: typed answers, typed
 * problems, nothing dropped on the way.
 */
@QuarkusTest
@TestProfile(ReloadProfile.class)
class GeneratedClientTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    ObjectMapper json;

    private ApiClient client;
    private EvaluationsApi evaluations;

    @BeforeEach
    void client() {
        client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        evaluations = new EvaluationsApi(client);
    }

    private static ProjectProfile chatAtScale(String name) {
        return new ProjectProfile().name(name).addWorkloadsItem(ProjectProfile.WorkloadsEnum.REALTIME_MESSAGING)
                .expectedConcurrentConnections(20000);
    }

    private ApiClient withToken(String token) {
        ApiClient admin = new ApiClient();
        admin.updateBaseUri(client.getBaseUri());
        admin.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return admin;
    }

    @Test
    void evaluateReadSearchAndExportRoundTrip() throws Exception {
        String name = "round trip " + UUID.randomUUID();
        Evaluation created = evaluations.evaluate(chatAtScale(name), null, null, null);
        assertEquals(Verdict.NODEJS, created.getVerdict());
        assertNull(created.getArchitecture());
        assertFalse(created.getTrace().isEmpty());
        assertEquals(List.of(ProjectProfile.WorkloadsEnum.REALTIME_MESSAGING), List.copyOf(created.getProfile().getWorkloads()),
                "the echoed profile survives the client's typing");

        Evaluation read = evaluations.getEvaluation(created.getId());
        assertEquals(json.readTree(json.writeValueAsString(created)), json.readTree(json.writeValueAsString(read)));

        Evaluation minimal = evaluations.evaluate(chatAtScale(name), false, null, "return=minimal");
        assertEquals(created.getScores(), minimal.getScores());
        assertNull(minimal.getTrace(), "the minimal representation has no trace");
        assertEquals(created.getTrace().size(), evaluations.getEvaluation(minimal.getId()).getTrace().size());

        Evaluation explained = evaluations.evaluate(chatAtScale(name), true, null, null);
        assertNotNull(explained.getExplanation());

        EvaluationPage page = evaluations.searchEvaluations(null, null, null, 2, name, null, null, Verdict.NODEJS);
        assertEquals(2, page.getItems().size());
        assertNotNull(page.getNext());
        assertTrue(page.getItems().stream().allMatch(item -> item.getVerdict() == Verdict.NODEJS));
        EvaluationPage rest = evaluations.searchEvaluations(null, page.getNext(), null, 2, name, null, null, null);
        assertFalse(rest.getItems().isEmpty());

        List<EvaluationSummary> exported = evaluations.exportEvaluations(null, "json", null, 10, name, null, null, null);
        assertEquals(3, exported.size());
        // CSV is for spreadsheets: a client reads it raw, through the generated request builder.
        HttpResponse<String> csv = client.getHttpClient().send(HttpRequest.newBuilder(URI.create(client.getBaseUri()
                + "/api/v1/evaluations/export?format=csv&max=10&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertEquals(4, csv.body().lines().count(), "a header line and one line per evaluation");
    }

    @Test
    void aBatchAnswersEachProfileInOrder() throws Exception {
        EvaluationBatchResult batch = evaluations.evaluateBatch(List.of(chatAtScale("batch"),
                new ProjectProfile().expectedConcurrentConnections(-5)), null);
        assertEquals(1, batch.getAccepted());
        assertEquals(1, batch.getRejected());
        EvaluationBatchItem accepted = batch.getItems().get(0);
        assertEquals(201, accepted.getStatus());
        assertEquals(Verdict.NODEJS, accepted.getVerdict());
        assertEquals(accepted.getVerdict(), evaluations.getEvaluation(accepted.getId()).getVerdict());
        EvaluationBatchItem rejected = batch.getItems().get(1);
        assertEquals(400, rejected.getStatus());
        assertTrue(rejected.getProblem().getErrors().stream().anyMatch(e -> "/expectedConcurrentConnections".equals(e.getField())));
        ApiException empty = assertThrows(ApiException.class, () -> evaluations.evaluateBatch(List.of(), null));
        assertProblem(empty, 400, "invalid-profile", null);
    }

    @Test
    void badRequestsComeBackAsTypedProblems() throws Exception {
        ApiException invalid = assertThrows(ApiException.class,
                () -> evaluations.evaluate(new ProjectProfile().expectedConcurrentConnections(-5), null, null, null));
        assertProblem(invalid, 400, "invalid-profile", "/expectedConcurrentConnections");

        ApiException badLimit = assertThrows(ApiException.class,
                () -> evaluations.searchEvaluations(null, null, null, 0, null, null, null, null));
        assertProblem(badLimit, 400, "invalid-parameter", "query.limit");

        UUID unknown = UUID.randomUUID();
        assertProblem(assertThrows(ApiException.class, () -> evaluations.getEvaluation(unknown)), 404, "evaluation-not-found", null);
        assertProblem(assertThrows(ApiException.class, () -> new ExplanationsApi(client).explainEvaluation(unknown)),
                404, "evaluation-not-found", null);
        assertProblem(assertThrows(ApiException.class, () -> new ReplayAndImpactApi(client).replayEvaluation(unknown)),
                404, "evaluation-not-found", null);
        assertProblem(assertThrows(ApiException.class, () -> new ClaimsApi(client).getClaim("XX-99")), 404, "claim-not-found", null);
        assertProblem(assertThrows(ApiException.class, () -> new RulesetApi(client).reloadRuleset(null)), 401, "unauthorized", null);
        assertProblem(assertThrows(ApiException.class, () -> new RulesetApi(withToken("wrong")).reloadRuleset(null)), 401, "unauthorized", null);
        assertProblem(assertThrows(ApiException.class, () -> new ReplayAndImpactApi(client)
                .impactReport("candidate", null, null, 10, null, null, null, null)), 401, "unauthorized", null);
    }

    @Test
    void explainReplayAndImpactOfARecordedEvaluation() throws Exception {
        UUID id = evaluations.evaluate(chatAtScale("generated client"), null, null, null).getId();
        Explanation explanation = new ExplanationsApi(client).explainEvaluation(id);
        assertEquals(Verdict.NODEJS, explanation.getVerdict());
        assertFalse(explanation.getWhyNot().isEmpty());

        Replay replay = new ReplayAndImpactApi(client).replayEvaluation(id);
        assertEquals(id, replay.getId());
        assertFalse(replay.getVerdictChanged());

        ReplayAndImpactApi impact = new ReplayAndImpactApi(client);
        ImpactReport live = impact.impactReport("live", null, null, 50, null, null, null, null);
        assertTrue(live.getEvaluated() >= 1);
        assertEquals(0, live.getVerdictsChanged());
        ImpactReport candidate = new ReplayAndImpactApi(withToken(ReloadProfile.TOKEN))
                .impactReport("candidate", null, null, 50, null, null, null, null);
        assertEquals(live.getEvaluated(), candidate.getEvaluated());
    }

    @Test
    void rulesClaimsAndTheRuleset() throws Exception {
        List<Claim> rules = new ClaimsApi(client).listClaims("rule");
        assertFalse(rules.isEmpty());
        assertTrue(rules.stream().allMatch(c -> "rule".equals(c.getKind())));
        Claim first = new ClaimsApi(client).getClaim(rules.get(0).getId());
        assertEquals(rules.get(0).getStatement(), first.getStatement());

        List<Rule> evidence = new RulesApi(client).listRules(null, 7, null, Phase.EVIDENCE);
        assertFalse(evidence.isEmpty());
        assertTrue(evidence.stream().allMatch(r -> r.getFiredSince().equals(java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .minusDays(6))), "the window: the last 7 UTC days, today included");
        assertTrue(evidence.stream().allMatch(r -> r.getPhase() == Phase.EVIDENCE));
        List<Rule> mechanics = new RulesApi(client).listRules(null, null, null, Phase.TOTALS);
        assertTrue(mechanics.stream().allMatch(r -> r.getClaim() == null), "mechanics rules encode no claim");

        Ruleset live = new RulesetApi(client).getRuleset();
        assertTrue(live.getVersion().startsWith("sha256:"));
        ReloadOutcome reload = new RulesetApi(withToken(ReloadProfile.TOKEN)).reloadRuleset(null);
        assertEquals(live.getVersion(), reload.getLiveVersion());

        RulesetVersionsApi versions = new RulesetVersionsApi(client);
        List<StoredRulesetVersion> stored = versions.listRulesetVersions();
        assertTrue(stored.stream().anyMatch(v -> v.getVersion().equals(live.getVersion())
                && v.getStatus() == RulesetVersionStatus.LIVE), stored.toString());
        StoredRulesetVersionDetail detail = versions.getRulesetVersion(live.getVersion());
        assertFalse(detail.getRules().isEmpty());
        assertTrue(versions.diffRulesetVersions(live.getVersion(), live.getVersion()).getRules().getChanged().isEmpty());
        StoredRulesetVersion promoted = new RulesetVersionsApi(withToken(ReloadProfile.TOKEN)).promoteRulesetVersion(live.getVersion());
        assertEquals(RulesetVersionStatus.LIVE, promoted.getStatus());
        String unknown = "sha256:" + "0".repeat(64);
        assertProblem(assertThrows(ApiException.class, () -> versions.getRulesetVersion(unknown)), 404,
                "ruleset-version-not-found", "path.version");
        assertProblem(assertThrows(ApiException.class, () -> versions.getRulesetVersion("sha256:nope")), 400,
                "invalid-parameter", "path.version");
        assertProblem(assertThrows(ApiException.class, () -> evaluations.evaluate(chatAtScale("pinned"), null, unknown, null)), 404,
                "ruleset-version-not-found", "query.rulesetVersion");
        assertEquals(live.getVersion(), evaluations.evaluate(chatAtScale("pinned"), null, live.getVersion(), null).getRulesetVersion());
        java.io.File archive = java.io.File.createTempFile("rules", ".zip");
        java.nio.file.Files.write(archive.toPath(), new byte[] {'P', 'K', 5, 6});
        assertProblem(assertThrows(ApiException.class, () -> versions.uploadRulesetVersion(archive)), 401, "unauthorized", null);
    }

    @Test
    void shadowACandidateStartReadStop() throws Exception {
        java.nio.file.Path rules = java.nio.file.Path.of("target/client-shadow-rules");
        io.stackadvisor.testing.RulesCopy.reset(rules);
        java.nio.file.Path drl = rules.resolve("evidence/realtime.drl");
        java.nio.file.Files.writeString(drl, java.nio.file.Files.readString(drl) + "\n// client " + UUID.randomUUID() + "\n");
        java.io.ByteArrayOutputStream archive = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(archive);
             java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(rules)) {
            for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(rules.relativize(file).toString().replace('\\', '/')));
                zip.write(java.nio.file.Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        // The generated uploadRulesetVersion writes a File as JSON (openapi-generator's native library), so upload directly.
        HttpResponse<String> uploaded = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(client.getBaseUri() + "/api/v1/rulesets")).header("Content-Type", "application/zip")
                .header("Authorization", "Bearer " + ReloadProfile.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String candidate = json.readTree(uploaded.body()).path("version").asText();
        ShadowApi admin = new ShadowApi(withToken(ReloadProfile.TOKEN));
        ShadowApi anyone = new ShadowApi(client);
        assertProblem(assertThrows(ApiException.class, () -> anyone.getShadow(candidate)), 404, "shadow-not-found", null);
        assertProblem(assertThrows(ApiException.class, () -> anyone.startShadow(candidate)), 401, "unauthorized", null);
        ShadowReport running = admin.startShadow(candidate);
        assertEquals(ShadowReport.StatusEnum.RUNNING, running.getStatus());
        assertNull(running.getStoppedAt());
        evaluations.evaluate(chatAtScale("shadowed"), null, null, null);
        assertEquals(candidate, anyone.getShadow(candidate).getVersion());
        ShadowReport stopped = admin.stopShadow(candidate);
        assertEquals(ShadowReport.StatusEnum.STOPPED, stopped.getStatus());
        assertNotNull(stopped.getStoppedAt());
        String live = new RulesetApi(client).getRuleset().getVersion();
        assertProblem(assertThrows(ApiException.class, () -> admin.startShadow(live)), 409, "shadow-of-live-version", null);
        assertProblem(assertThrows(ApiException.class, () -> admin.stopShadow("sha256:" + "0".repeat(64))), 404,
                "ruleset-version-not-found", "path.version");
        assertProblem(assertThrows(ApiException.class, () -> anyone.getShadow("sha256:nope")), 400, "invalid-parameter", "path.version");
    }

    private void assertProblem(ApiException e, int status, String slug, String field) throws Exception {
        assertEquals(status, e.getCode(), e.getResponseBody());
        assertTrue(e.getResponseHeaders().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        io.stackadvisor.client.model.Problem problem = json.readValue(e.getResponseBody(), io.stackadvisor.client.model.Problem.class);
        assertEquals(URI.create("https://stack-advisor.io/problems/" + slug), problem.getType());
        assertEquals(status, problem.getStatus());
        if (field != null) {
            assertTrue(problem.getErrors().stream().anyMatch(error -> field.equals(error.getField())), problem.getErrors().toString());
        }
    }
}
