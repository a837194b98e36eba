package io.stackadvisor.knowledge;

import io.stackadvisor.testing.RealRules;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules encode the whole knowledge base, and quote it exactly. */
class KnowledgeBaseTest {
    /** The knowledge base the project is built from sits beside the repository (../shared). */
    static final Path SHARED = Path.of(System.getProperty("stack-advisor.shared", "../shared"));
    static Ruleset ruleset;

    @BeforeAll
    static void load() throws Exception {
        ruleset = RealRules.ruleset();
    }

    @Test
    void theCatalogueHoldsEveryClaimOfTheKnowledgeBase() {
        List<Claim> claims = List.copyOf(ruleset.catalogue().claims());
        assertEquals(131, claims.size());
        assertEquals(83, claims.stream().filter(c -> c.kind().equals("rule")).count());
        assertEquals(350, claims.stream().mapToInt(c -> c.sources().size()).sum());
        assertEquals(31, ruleset.catalogue().conflicts().size());
    }

    @Test
    void everyRuleClaimAndEveryAdviceClaimIsEncodedByARule() {
        Set<String> encoded = ruleset.rules().values().stream().filter(RuleDescriptor::encodesClaim)
                .map(RuleDescriptor::claim).collect(Collectors.toSet());
        List<String> missing = ruleset.catalogue().claims().stream()
                .filter(c -> c.kind().equals("rule") || c.kind().equals("advice"))
                .map(Claim::id).filter(id -> !encoded.contains(id)).toList();
        assertEquals(List.of(), missing);
        long ruleClaimsEncoded = ruleset.catalogue().claims().stream()
                .filter(c -> c.kind().equals("rule") && encoded.contains(c.id())).count();
        assertEquals(83, ruleClaimsEncoded);
    }

    @Test
    void everyRuleCitesAClaimOrSaysItIsMechanics() {
        for (RuleDescriptor rule : ruleset.rules().values()) {
            assertTrue(rule.claim() != null, rule.name() + " has no @claim");
            assertTrue(!rule.encodesClaim() || rule.name().startsWith(rule.claim() + " "), rule.name());
        }
    }

    @Test
    void everyQuoteAppearsVerbatimInTheSeedArticles() throws Exception {
        int checked = 0;
        for (Claim claim : ruleset.catalogue().claims()) {
            for (Source source : claim.sources()) {
                String article = Files.readString(SHARED.resolve("seeds").resolve(source.document()));
                assertTrue(article.contains(source.quote()), claim.id() + " misquotes " + source.document() + ": " + source.quote());
                checked++;
            }
        }
        assertEquals(350, checked);
    }

    @Test
    void theBundledSourcesAreTheSeedArticlesUnchanged() throws Exception {
        try (var seeds = Files.list(SHARED.resolve("seeds"))) {
            for (Path seed : seeds.toList()) {
                assertArrayEquals(Files.readAllBytes(seed),
                        Files.readAllBytes(Path.of("rules/sources").resolve(seed.getFileName())), seed.toString());
            }
        }
    }
}
