package io.stackadvisor.engine;

import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.knowledge.ClaimCatalogue;
import io.stackadvisor.knowledge.Conflict;
import io.stackadvisor.knowledge.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the DRL and the claim catalogue agree, so a knowledge engineer cannot take a
 * ruleset live that cites nothing, cites the wrong claim, weighs a claim differently from the
 * catalogue, forgets a claim, quotes a source inexactly, or leaves engineering notes where managers
 * read (see {@link PlainWords}); and that every rule sits in the file of its phase (see
 * {@link PhaseFilesLinter}). Every problem names a file and line.
 */
final class RulesetLinter {
    static final String SOURCES_DIR = "sources/";
    private static final Pattern EVIDENCE = Pattern.compile(
            "new\\s+Evidence\\(\\s*\"([^\"]+)\"\\s*,\\s*Side\\.(\\w+)\\s*,\\s*Strength\\.(\\w+)\\s*\\)((?:\\s*\\.\\w+\\(\\))*)");

    List<RuleProblem> lint(Map<String, RuleDescriptor> rules, Map<String, String> consequences,
                           ClaimCatalogue catalogue, Map<String, byte[]> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> encoded = new HashSet<>();
        for (RuleDescriptor rule : rules.values()) {
            String claimId = rule.claim();
            if (claimId == null) {
                problems.add(at(rule, "has no @claim: cite the claim it encodes, or @claim(\"none\") for pure mechanics"));
                continue;
            }
            if (rule.encodesClaim()) {
                Claim claim = catalogue.claim(claimId).orElse(null);
                if (claim == null) {
                    problems.add(at(rule, "@claim(\"" + claimId + "\") is not in " + ClaimCatalogue.CLAIMS_FILE));
                    continue;
                }
                if (!claim.isEncoded()) {
                    problems.add(at(rule, "encodes " + claimId + ", which the catalogue marks as not encoded: " + claim.notEncoded()));
                }
                if (!rule.name().startsWith(claimId + " ")) {
                    problems.add(at(rule, "the rule name should start with its claim id " + claimId));
                }
                encoded.add(claimId);
                checkEvidence(rule, claim, consequences.getOrDefault(rule.name(), ""), problems);
            }
            if (rule.conflict() != null && catalogue.conflict(rule.conflict()).isEmpty()) {
                problems.add(at(rule, "@conflict(\"" + rule.conflict() + "\") is not in " + ClaimCatalogue.CONFLICTS_FILE));
            }
        }
        PhaseFilesLinter.check(rules.values(), files.keySet(), problems);
        String claimsJson = text(files, ClaimCatalogue.CLAIMS_FILE);
        Map<String, String> articles = new java.util.HashMap<>();
        for (Claim claim : catalogue.claims()) {
            int line = lineOf(claimsJson, "\"id\": \"" + claim.id() + "\"");
            if (claim.mustBeEncoded() && claim.isEncoded() && !encoded.contains(claim.id())) {
                problems.add(new RuleProblem(ClaimCatalogue.CLAIMS_FILE, line, "claim " + claim.id() + " (" + claim.kind()
                        + ") is encoded by no rule; write its rule or give a notEncoded reason"));
            }
            checkQuotes(claim, line, files, articles, problems);
        }
        problems.addAll(checkPlainWords(catalogue, claimsJson, text(files, ClaimCatalogue.CONFLICTS_FILE)));
        problems.addAll(new CatalogueLinter().lint(catalogue, files));
        return problems;
    }

    /** What managers read must be plain words: claim statements and responsibilities, conflict titles and disagreements. */
    private static List<RuleProblem> checkPlainWords(ClaimCatalogue catalogue, String claimsJson, String conflictsJson) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Claim claim : catalogue.claims()) {
            int line = lineOf(claimsJson, "\"id\": \"" + claim.id() + "\"");
            plain(ClaimCatalogue.CLAIMS_FILE, line, claim.id(), "statement", claim.statement(), "caveat", problems);
            if (claim.responsibility() != null) {
                plain(ClaimCatalogue.CLAIMS_FILE, line, claim.id(), "responsibility", claim.responsibility(), "caveat", problems);
            }
        }
        for (Conflict conflict : catalogue.conflicts()) {
            int line = lineOf(conflictsJson, "\"id\": \"" + conflict.id() + "\"");
            plain(ClaimCatalogue.CONFLICTS_FILE, line, conflict.id(), "title", conflict.title(), "resolution", problems);
            plain(ClaimCatalogue.CONFLICTS_FILE, line, conflict.id(), "disagreement", conflict.disagreement(), "resolution", problems);
        }
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        return problems;
    }

    private static void plain(String file, int line, String id, String field, String text, String notesGoTo,
                              List<RuleProblem> problems) {
        PlainWords.problem(id, field, text, notesGoTo).ifPresent(m -> problems.add(new RuleProblem(file, line, m)));
    }

    private static void checkEvidence(RuleDescriptor rule, Claim claim, String consequence, List<RuleProblem> problems) {
        Matcher m = EVIDENCE.matcher(consequence);
        if (!m.find()) return;
        String id = m.group(1);
        String side = m.group(2);
        String strength = m.group(3);
        String marks = m.group(4);
        if (!id.equals(claim.id())) {
            problems.add(at(rule, "inserts evidence for " + id + " but its @claim is " + claim.id()));
        }
        String expectedSide = switch (claim.favours()) {
            case "HYBRID" -> "NEUTRAL";
            case "TEAM" -> side;
            default -> claim.favours();
        };
        if (!side.equals(expectedSide)) {
            problems.add(at(rule, claim.id() + " favours " + claim.favours() + " in the catalogue, the rule says Side." + side));
        }
        String expectedStrength = "HYBRID".equals(claim.favours()) ? "NONE" : claim.strength().toUpperCase();
        if (!strength.equals(expectedStrength)) {
            problems.add(at(rule, claim.id() + " is " + claim.strength() + " in the catalogue, the rule says Strength." + strength));
        }
        if (marks.contains("asAnchor") != claim.anchor()) {
            problems.add(at(rule, claim.id() + (claim.anchor() ? " is a hybrid anchor: add .asAnchor()" : " is no anchor: remove .asAnchor()")));
        }
        if (marks.contains("asDemotable") != claim.demotable()) {
            problems.add(at(rule, claim.id() + (claim.demotable() ? " is demotable: add .asDemotable()" : " is not demotable: remove .asDemotable()")));
        }
    }

    private static void checkQuotes(Claim claim, int line, Map<String, byte[]> files, Map<String, String> articles,
                                    List<RuleProblem> problems) {
        for (Source source : claim.sources()) {
            String article = articles.computeIfAbsent(source.document(), d -> text(files, SOURCES_DIR + d));
            if (article == null) {
                problems.add(new RuleProblem(ClaimCatalogue.CLAIMS_FILE, line, claim.id() + " cites " + source.document()
                        + ", which is not in rules/" + SOURCES_DIR));
            } else if (!article.contains(source.quote())) {
                problems.add(new RuleProblem(ClaimCatalogue.CLAIMS_FILE, line, claim.id() + ": quote not found verbatim in "
                        + source.document() + ": \"" + source.quote() + "\""));
            }
        }
    }

    static String text(Map<String, byte[]> files, String name) {
        byte[] content = files.get(name);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    static int lineOf(String text, String needle) {
        int at = text == null ? -1 : text.indexOf(needle);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** A problem at the rule's line, naming the rule. */
    static RuleProblem at(RuleDescriptor rule, String message) {
        return new RuleProblem(rule.file(), rule.line(), "rule \"" + rule.name() + "\" " + message);
    }
}
