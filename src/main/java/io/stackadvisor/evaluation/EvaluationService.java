package io.stackadvisor.evaluation;

import static io.stackadvisor.evaluation.EvaluationRecords.sha256;
import static io.stackadvisor.evaluation.EvaluationRecords.withDigest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.audit.EvaluationRecord;
import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.audit.StoredEvaluation;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetTexts;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.explain.Explanation;
import io.stackadvisor.explain.ExplanationService;
import io.stackadvisor.ops.DecisionMetrics;
import io.stackadvisor.problem.InvalidRequestException;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.profile.ValidatedProfile;
import io.stackadvisor.ruleset.RuleFiringStats;
import io.stackadvisor.ruleset.RulesetService;
import io.stackadvisor.ruleset.RulesetVersionId;
import io.stackadvisor.whatif.ShadowService;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One path for every evaluation: validate, evaluate, record what decided, commit, render. Reading a
 * record renders it again with the same function and the texts of the version that decided it.
 */
@ApplicationScoped
public class EvaluationService {
    private final RulesetService rulesets;
    private final EvaluationStore store;
    private final RuleFiringStats stats;
    private final ExplanationService explanations;
    private final DecisionMetrics metrics;
    private final ProfileReader reader;
    private final ObjectMapper json;
    private final EvaluationRenderer renderer;
    private final ShadowService shadows;
    private final DecisionEngine engine = new DecisionEngine();
    private final Clock clock = Clock.systemUTC();

    public EvaluationService(RulesetService rulesets, EvaluationStore store, RuleFiringStats stats,
                             ExplanationService explanations, DecisionMetrics metrics, ProfileReader reader,
                             ObjectMapper json, EvaluationRenderer renderer, ShadowService shadows) {
        this.rulesets = rulesets;
        this.store = store;
        this.stats = stats;
        this.explanations = explanations;
        this.metrics = metrics;
        this.reader = reader;
        this.json = json;
        this.renderer = renderer;
        this.shadows = shadows;
    }

    /** The recorded evaluation: its id and the answer as UTF-8 JSON (the full document, or the minimal part). */
    public record Recorded(UUID id, byte[] document) {
    }

    /** A recorded evaluation read back: the document and the texts of the version that decided it. */
    public record Read(byte[] document, RulesetTexts texts, byte[] digest) {
        public String text() {
            return new String(document, StandardCharsets.UTF_8);
        }
    }

    public Recorded evaluate(byte[] body) {
        return evaluate(body, false, false);
    }

    /**
     * With {@code explain}, the answer also carries why-not and what-would-change, and the summary its
     * robustness; with {@code minimal}, only the id, verdict, confidence, scores and summary are returned.
     */
    public Recorded evaluate(byte[] body, boolean explain, boolean minimal) {
        return evaluate(body, explain, minimal, null);
    }

    /**
     * As above, on a stored version ({@code rulesetVersion}, well-formed; null: the live one). A version
     * that is not stored is a 404 naming query.rulesetVersion.
     */
    public Recorded evaluate(byte[] body, boolean explain, boolean minimal, String rulesetVersion) {
        ValidatedProfile profile = reader.read(body);
        Decided decided = decide(profile, ruleset(rulesetVersion), explain);
        store.save(decided.record());
        stats.record(decided.result(), decided.record().evaluatedAt());
        // Live traffic only, once recorded: a shadowed candidate sees the same profile later, off this thread.
        if (rulesetVersion == null) shadows.offer(profile, decided.result(), decided.record().rulesetVersion());
        return new Recorded(decided.record().id(), minimal ? renderer.minimal(decided.view()) : decided.document());
    }

    /**
     * A batch body (a JSON array of profiles): each profile is read and evaluated on its own as by
     * {@link #evaluate}, all on the same ruleset (the live one when the batch began, or
     * the stored {@code rulesetVersion}). A profile that is not valid is
     * answered with its problem and the others go on. The accepted ones are committed together before
     * this returns; if they cannot be, it throws and none of them is recorded.
     */
    public BatchResult evaluateBatch(byte[] body, int maxItems, String rulesetVersion, Function<UUID, URI> location) {
        List<String> profiles = reader.items(body, maxItems);
        Ruleset ruleset = ruleset(rulesetVersion);
        List<BatchResult.Item> items = new ArrayList<>(profiles.size());
        List<EvaluationRecord> records = new ArrayList<>(profiles.size());
        List<EngineResult> results = new ArrayList<>(profiles.size());
        List<ValidatedProfile> accepted = new ArrayList<>(profiles.size());
        for (String profile : profiles) {
            ValidatedProfile validated;
            try {
                validated = reader.read(profile);
            } catch (InvalidRequestException e) {
                items.add(BatchResult.Item.rejected(items.size(), e.problem()));
                continue;
            }
            Decided decided = decide(validated, ruleset, false);
            records.add(decided.record());
            results.add(decided.result());
            accepted.add(validated);
            items.add(BatchResult.Item.accepted(items.size(), decided.record(), location.apply(decided.record().id())));
        }
        store.saveAll(records);
        for (int i = 0; i < records.size(); i++) {
            stats.record(results.get(i), records.get(i).evaluatedAt());
            if (rulesetVersion == null) shadows.offer(accepted.get(i), results.get(i), ruleset.version());
        }
        return new BatchResult(items, records.size(), items.size() - records.size());
    }

    /** The live ruleset, or a stored version (a version that is not stored is a 404 naming query.rulesetVersion). */
    private Ruleset ruleset(String rulesetVersion) {
        if (rulesetVersion == null) return rulesets.current();
        if (!rulesets.isStored(rulesetVersion)) throw RulesetVersionId.notFound("query.rulesetVersion", rulesetVersion);
        return rulesets.compiled(rulesetVersion);
    }

    /** One evaluation decided, recorded and rendered, not yet committed; the record carries the document's digest. */
    private record Decided(EvaluationRecord record, EngineResult result, EvaluationView view, byte[] document) {
    }

    /** The steps every evaluation shares between validation and the commit: evaluate, record, render. */
    private Decided decide(ValidatedProfile profile, Ruleset ruleset, boolean explain) {
        long started = System.nanoTime();
        EngineResult result = engine.evaluate(ruleset, new Profile(profile.profile()), true);
        metrics.evaluated(result, Duration.ofNanos(System.nanoTime() - started));
        Explanation explanation = explain ? explanations.explain(ruleset, profile, result) : null;
        EvaluationRecord record = store.asStored(EvaluationRecords.of(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                ruleset, profile, result, explain));
        EvaluationView view = renderer.view(record, ruleset.texts(), explanation);
        byte[] document = renderer.full(view);
        return new Decided(withDigest(record, sha256(document)), result, view, document);
    }

    /** A recorded evaluation, rendered as it was answered. */
    public Optional<Read> read(UUID id) {
        return store.find(id).map(stored -> stored instanceof StoredEvaluation.Compact compact
                ? render(compact.record())
                : new Read(((StoredEvaluation.Legacy) stored).document().getBytes(StandardCharsets.UTF_8),
                        rulesets.current().texts(), null));
    }

    private Read render(EvaluationRecord record) {
        RulesetTexts texts = rulesets.texts(record.rulesetVersion());
        Explanation explanation = null;
        if (record.explained()) {
            try {
                explanation = explanations.explain(rulesets.compiled(record.rulesetVersion()), json.readTree(record.profile()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a recorded profile is not JSON", e);
            }
        }
        return new Read(renderer.full(renderer.view(record, texts, explanation)), texts, record.digest());
    }
}
