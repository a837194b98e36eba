package io.stackadvisor.engine;

import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.knowledge.ClaimCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the catalogue must say consistently on its own: a claim's weight follows its strength, and
 * the articles in sources/ and those described in catalogue/articles.json are the same set.
 */
final class CatalogueLinter {
    private static final Map<String, Integer> RULE_WEIGHTS = Map.of("strong", 3, "moderate", 2, "weak", 1);

    List<RuleProblem> lint(ClaimCatalogue catalogue, Map<String, byte[]> files) {
        List<RuleProblem> problems = new ArrayList<>();
        String claimsJson = RulesetLinter.text(files, ClaimCatalogue.CLAIMS_FILE);
        for (Claim claim : catalogue.claims()) {
            int line = RulesetLinter.lineOf(claimsJson, "\"id\": \"" + claim.id() + "\"");
            if ("rule".equals(claim.kind())) {
                Integer weight = RULE_WEIGHTS.get(claim.strength());
                if (weight == null) {
                    problems.add(new RuleProblem(ClaimCatalogue.CLAIMS_FILE, line, claim.id()
                            + ": a rule claim is strong, moderate or weak, not " + claim.strength()));
                } else if (weight != claim.weight()) {
                    problems.add(new RuleProblem(ClaimCatalogue.CLAIMS_FILE, line, claim.id() + ": " + claim.strength()
                            + " weighs " + weight + ", not " + claim.weight()));
                }
            } else if (claim.weight() != 0) {
                problems.add(new RuleProblem(ClaimCatalogue.CLAIMS_FILE, line, claim.id() + ": a " + claim.kind()
                        + " claim is cited, never counted: its weight is 0, not " + claim.weight()));
            }
        }
        Set<String> sources = new TreeSet<>();
        for (String name : files.keySet()) {
            if (name.startsWith(RulesetLinter.SOURCES_DIR)) sources.add(name.substring(RulesetLinter.SOURCES_DIR.length()));
        }
        String articlesJson = RulesetLinter.text(files, ClaimCatalogue.ARTICLES_FILE);
        for (String source : sources) {
            if (catalogue.article(source).isEmpty()) {
                problems.add(new RuleProblem(ClaimCatalogue.ARTICLES_FILE, 0, RulesetLinter.SOURCES_DIR + source
                        + " is not described here: add its key, title, publisher and date"));
            }
        }
        for (String described : catalogue.articleDocuments()) {
            if (!sources.contains(described)) {
                problems.add(new RuleProblem(ClaimCatalogue.ARTICLES_FILE, RulesetLinter.lineOf(articlesJson, "\"" + described + "\""),
                        described + " is described but not in " + RulesetLinter.SOURCES_DIR));
            }
        }
        return problems;
    }
}
