package io.stackadvisor.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.db.StoredRulesets;
import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.engine.RulesetTexts;
import io.stackadvisor.problem.Problem;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * Ruleset versions that passed their gate, kept in the database so any instance can render and
 * replay any record on the version that decided it. Texts are cached by version; compiled versions
 * other than the live one are cached too, a few at a time, and an evicted one has its sessions shut.
 */
@Singleton
public class RulesetVersions {
    /** Versions whose gate ran when the application was packaged (written by the build). */
    static final String PASSED_AT_BUILD = "/gate/passed-versions.txt";
    private static final int TEXTS_KEPT = 32;
    private static final int COMPILED_KEPT = 2;

    private final StoredRulesets store;
    private final RulesetGate gate;
    private final ObjectMapper json;
    private final Set<String> passedAtBuild = readPassedAtBuild();
    private final Map<String, RulesetTexts> texts = lru(TEXTS_KEPT, false);
    private final Map<String, Ruleset> compiled = lru(COMPILED_KEPT, true);

    public RulesetVersions(StoredRulesets store, RulesetGate gate, ObjectMapper json) {
        this.store = store;
        this.gate = gate;
        this.json = json;
    }

    /** The gate report a stored version carries. */
    public record GateReport(Instant passedAt, int rules, int scenariosPassed, String trigger) {
    }

    /** True if this version's gate passed before: stored by any instance, or checked when this build was packaged. */
    public boolean passedBefore(String version) {
        return passedAtBuild.contains(version) || store.contains(version);
    }

    /** Keeps a version that passed its gate (once per version, whoever stores it first). */
    public void store(RulesFiles files, GateReport report) {
        try {
            store.store(files.version(), report.passedAt(), files.zip(), json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized RulesetTexts texts(String version) {
        RulesetTexts known = texts.get(version);
        if (known != null) return known;
        try {
            RulesetTexts read = gate.describe(files(version));
            texts.put(version, read);
            return read;
        } catch (RulesetException e) {
            throw new IllegalStateException("stored ruleset " + version + " does not read: " + e.getMessage(), e);
        }
    }

    /** The fleet's live version (the pointer), empty before the first promotion. */
    public Optional<String> live() {
        return store.live();
    }

    /** Moves the fleet's live pointer to a stored version. */
    public void promote(String version, String by) {
        store.promote(version, Instant.now(), by);
    }

    public boolean stored(String version) {
        return store.contains(version);
    }

    public List<StoredRulesets.Listed> list() {
        return store.list();
    }

    public GateReport report(String gateReport) {
        try {
            return json.readValue(gateReport, GateReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored gate report is not JSON", e);
        }
    }

    /** A stored version compiled for this caller alone, outside the cache (the instance's live ruleset). */
    public Ruleset compileFresh(String version) throws RulesetException {
        return compileKnown(files(version));
    }

    /**
     * A folder whose gate passed before, ready to serve without its scenarios: read from the build's
     * compiled form when the build compiled this very version, compiled from its DRL otherwise.
     */
    public Ruleset compileKnown(RulesFiles files) throws RulesetException {
        Optional<Ruleset> bundled = gate.bundled(files.version());
        return bundled.isPresent() ? bundled.get() : gate.compile(files);
    }

    /** A stored version compiled (without re-running its gate, which it passed). */
    public synchronized Ruleset compiled(String version) {
        Ruleset known = compiled.get(version);
        if (known != null) return known;
        try {
            Ruleset ruleset = compileKnown(files(version));
            compiled.put(version, ruleset);
            return ruleset;
        } catch (RulesetException e) {
            throw new IllegalStateException("stored ruleset " + version + " does not compile: " + e.getMessage(), e);
        }
    }

    /** A stored version's files (404 problem if it is not stored). */
    public RulesFiles files(String version) throws RulesetException {
        byte[] archive = store.find(version).orElseThrow(() -> Problem.of(404, "ruleset-version-not-found",
                "Ruleset version not found", "No stored ruleset has the version " + version + ".").toException()).archive();
        return RulesFiles.unzip(archive);
    }

    @PreDestroy
    synchronized void close() {
        compiled.values().forEach(Ruleset::close);
        compiled.clear();
    }

    private static <V> Map<String, V> lru(int size, boolean closeEvicted) {
        return new LinkedHashMap<>(size, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                boolean evict = size() > size;
                if (evict && closeEvicted && eldest.getValue() instanceof Ruleset ruleset) ruleset.close();
                return evict;
            }
        };
    }

    private static Set<String> readPassedAtBuild() {
        try (InputStream in = RulesetVersions.class.getResourceAsStream(PASSED_AT_BUILD)) {
            if (in == null) return Set.of();
            return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> l.startsWith("sha256:")).toList());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
