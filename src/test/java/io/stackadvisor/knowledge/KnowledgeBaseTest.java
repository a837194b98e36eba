package io.stackadvisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.testing.RealRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue keeps the whole knowledge base, the rules encode it, and its quotes are exact. Stated as
 * invariants: a claim added the way rules/README.md teaches keeps this green; a claim, rule, quote or
 * article that goes missing or wrong does not.
 */
class KnowledgeBaseTest {
    static final Path SOURCES = RealRules.DIR.resolve("sources");
    /** The five original articles, by SHA-256 (sha256sum's format), computed when they were bundled. */
    static final String ORIGINAL_ARTICLES = "/source-articles.sha256";
    static final Set<String> KINDS = Set.of("rule", "evidence", "advice", "meta", "disputed", "context");
    static final Set<String> SIDES = Set.of("NODEJS", "PYTHON", "HYBRID", "NEUTRAL", "TEAM");
    static final Map<String, Integer> RULE_WEIGHTS = Map.of("strong", 3, "moderate", 2, "weak", 1);

    static Ruleset ruleset;

    @BeforeAll
    static void load() {
        ruleset = RealRules.ruleset();
    }

    @Test
    void theCatalogueStillHoldsEveryClaimAndConflictOfTheKnowledgeBase() {
        KnowledgeBase kb = KnowledgeBase.read();
        assertEquals(List.of(), kb.claims.stream().filter(id -> ruleset.catalogue().claim(id).isEmpty()).toList(),
                "claims of the knowledge base missing from rules/catalogue/claims.json");
        assertEquals(List.of(), kb.conflicts.stream().filter(id -> ruleset.catalogue().conflict(id).isEmpty()).toList(),
                "conflicts of the knowledge base missing from rules/catalogue/conflicts.json");
    }

    @Test
    void everyClaimHasAKnownKindSideAndTheWeightOfItsStrength() {
        List<String> problems = new ArrayList<>();
        for (Claim c : ruleset.catalogue().claims()) {
            if (!KINDS.contains(c.kind())) problems.add(c.id() + ": unknown kind " + c.kind());
            if (!SIDES.contains(c.favours())) problems.add(c.id() + ": unknown side " + c.favours());
            if (c.statement() == null || c.statement().isBlank()) problems.add(c.id() + ": no statement");
            // rules/README.md: strong 3, moderate 2, weak 1; every other kind weighs 0 and has no strength.
            if ("rule".equals(c.kind())) {
                Integer weight = RULE_WEIGHTS.get(c.strength());
                if (weight == null) problems.add(c.id() + ": a rule claim needs strength strong, moderate or weak, not " + c.strength());
                else if (weight != c.weight()) problems.add(c.id() + ": " + c.strength() + " weighs " + weight + ", not " + c.weight());
            } else if (c.weight() != 0 || !"none".equals(c.strength())) {
                problems.add(c.id() + ": a " + c.kind() + " claim has strength none and weight 0, not " + c.strength() + " " + c.weight());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRuleClaimAndEveryAdviceClaimIsEncodedByARule() {
        Set<String> encoded = ruleset.rules().values().stream().filter(RuleDescriptor::encodesClaim)
                .map(RuleDescriptor::claim).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = ruleset.catalogue().claims().stream()
                .filter(c -> c.mustBeEncoded() && c.isEncoded() && !encoded.contains(c.id())).map(Claim::id).sorted().toList();
        assertEquals(List.of(), missing, "rule and advice claims that no rule encodes");
        List<String> unknown = encoded.stream().filter(id -> ruleset.catalogue().claim(id).isEmpty()).toList();
        assertEquals(List.of(), unknown, "rules citing claims that are not in the catalogue");
        List<String> encodedAnyway = ruleset.catalogue().claims().stream()
                .filter(c -> !c.isEncoded() && (c.notEncoded().isBlank() || encoded.contains(c.id()))).map(Claim::id).sorted().toList();
        assertEquals(List.of(), encodedAnyway, "claims marked notEncoded need a reason and no rule");
        assertTrue(ruleset.catalogue().claims().stream().anyMatch(c -> "rule".equals(c.kind()) && encoded.contains(c.id())),
                "some verdict-bearing claim is encoded");
    }

    @Test
    void everyRuleCitesAClaimOrSaysItIsMechanics() {
        for (RuleDescriptor rule : ruleset.rules().values()) {
            assertTrue(rule.claim() != null, rule.name() + " has no @claim");
            assertTrue(!rule.encodesClaim() || rule.name().startsWith(rule.claim() + " "), rule.name());
        }
    }

    @Test
    void conflictsAndClaimsNameEachOtherOnlyByIdsThatExist() {
        List<String> problems = new ArrayList<>();
        for (Conflict conflict : ruleset.catalogue().conflicts()) {
            if (conflict.claims() == null || conflict.claims().isEmpty()) problems.add(conflict.id() + " names no claim");
            else conflict.claims().stream().filter(id -> ruleset.catalogue().claim(id).isEmpty())
                    .forEach(id -> problems.add(conflict.id() + " names " + id + ", which is not a claim"));
        }
        for (Claim claim : ruleset.catalogue().claims()) {
            if (claim.conflicts() == null) continue;
            claim.conflicts().stream().filter(id -> ruleset.catalogue().conflict(id).isEmpty())
                    .forEach(id -> problems.add(claim.id() + " names " + id + ", which is not a conflict"));
        }
        for (RuleDescriptor rule : ruleset.rules().values()) {
            if (rule.conflict() != null && ruleset.catalogue().conflict(rule.conflict()).isEmpty()) {
                problems.add(rule.name() + " flags " + rule.conflict() + ", which is not a conflict");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Checked here against the files themselves, independently of the linter that does the same at load time. */
    @Test
    void everyClaimQuotesItsArticlesVerbatim() throws IOException {
        Map<String, String> articles = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Claim claim : ruleset.catalogue().claims()) {
            if (claim.sources() == null || claim.sources().isEmpty()) problems.add(claim.id() + " quotes no article");
            else for (Source source : claim.sources()) {
                Path file = SOURCES.resolve(source.document());
                if (!Files.isRegularFile(file)) {
                    problems.add(claim.id() + " cites " + source.document() + ", which is not in " + SOURCES);
                    continue;
                }
                String article = articles.computeIfAbsent(source.document(), d -> read(file));
                if (source.quote() == null || source.quote().isBlank() || !article.contains(source.quote())) {
                    problems.add(claim.id() + " misquotes " + source.document() + ": " + source.quote());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theOriginalArticlesAreUnchanged() throws Exception {
        Map<String, String> originals = originalArticles();
        assertFalse(originals.isEmpty(), ORIGINAL_ARTICLES + " lists the original articles");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> original : originals.entrySet()) {
            Path file = SOURCES.resolve(original.getKey());
            if (!Files.isRegularFile(file)) problems.add(original.getKey() + " is missing from " + SOURCES);
            else if (!sha256(file).equals(original.getValue())) problems.add(original.getKey() + " has changed: restore the original article");
        }
        assertEquals(List.of(), problems);
    }

    /** Articles may be added (rules/README.md); each one must be described and quoted, never a stray file. */
    @Test
    void everyArticleInSourcesIsDescribedAndCitedByAClaim() throws IOException {
        Set<String> cited = ruleset.catalogue().claims().stream()
                .flatMap(c -> c.sources() == null ? Stream.empty() : c.sources().stream())
                .map(Source::document).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        List<String> files;
        try (Stream<Path> list = Files.list(SOURCES)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String file : files) {
            if (ruleset.catalogue().article(file).isEmpty()) problems.add(file + " is not described in " + ClaimCatalogue.ARTICLES_FILE);
            if (!cited.contains(file)) problems.add(file + " is quoted by no claim");
        }
        JsonNode described = RealRules.JSON.readTree(RealRules.DIR.resolve(ClaimCatalogue.ARTICLES_FILE).toFile()).get("articles");
        for (JsonNode article : described) {
            if (!files.contains(article.get("document").asText())) {
                problems.add(ClaimCatalogue.ARTICLES_FILE + " describes " + article.get("document").asText() + ", which is not in " + SOURCES);
            }
        }
        assertTrue(files.containsAll(originalArticles().keySet()), "the original articles are in " + SOURCES + ": " + files);
        assertEquals(List.of(), problems);
    }

    /** File name to SHA-256, from the sha256sum listing ({@code cd rules/sources && sha256sum -c} reads it too). */
    static Map<String, String> originalArticles() throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (InputStream in = KnowledgeBaseTest.class.getResourceAsStream(ORIGINAL_ARTICLES)) {
            if (in == null) throw new IllegalStateException(ORIGINAL_ARTICLES + " is not on the test classpath");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String[] parts = line.strip().split("\\s+\\*?", 2);
                hashes.put(parts[1], parts[0]);
            }
        }
        return hashes;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
