package io.stackadvisor.engine;

import io.stackadvisor.testing.RealRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.knowledge.ClaimCatalogue;
import io.stackadvisor.testing.RealRules;
import io.stackadvisor.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managers read claim statements and conflict titles and disagreements: engineering notes there are refused. */
class PlainWordsLintTest {
    private static final String CLAIMS = ClaimCatalogue.CLAIMS_FILE;
    private static final String CONFLICTS = ClaimCatalogue.CONFLICTS_FILE;

    @TempDir
    Path rules;

    @BeforeEach
    void copyTheRealRules() {
        RulesCopy.reset(rules);
    }

    @Test
    void theRealCatalogueIsInPlainWords() {
        Ruleset ruleset = RealRules.ruleset();
        List<String> notes = new ArrayList<>();
        ruleset.catalogue().claims().forEach(c -> notes.addAll(tagged(c.id(), PlainWords.notes(c.statement()))));
        ruleset.catalogue().conflicts().forEach(c -> {
            notes.addAll(tagged(c.id(), PlainWords.notes(c.title())));
            notes.addAll(tagged(c.id(), PlainWords.notes(c.disagreement())));
            assertTrue(!c.disagreement().isBlank(), c.id());
        });
        assertEquals(List.of(), notes);
    }

    @Test
    void notesInStatementsAndAMissingDisagreementAreReportedWithFileAndLine() throws IOException {
        setField(CLAIMS, "RT-02", "statement", "Node.js handles chat; the language logic is ML-05");
        setField(CLAIMS, "RT-03", "statement", "Node.js suits game servers (S1 disagrees)");
        setField(CLAIMS, "RT-07", "statement", "At small scale Node.js real-time claims are Demoted to weak");
        setField(CLAIMS, "MS-02", "statement", "Node.js suits APIs (RT-01..06, STR-*)");
        setField(CONFLICTS, "CF-15", "title", "The seeds' performance numbers");
        removeField(CONFLICTS, "CF-12", "disagreement");

        assertEquals(Set.of(
                CLAIMS + ":" + lineOfId(CLAIMS, "RT-02") + ": RT-02: the statement is read by managers;"
                        + " move engineering notes (\"ML-05\") to caveat",
                CLAIMS + ":" + lineOfId(CLAIMS, "RT-03") + ": RT-03: the statement is read by managers;"
                        + " move engineering notes (\"S1\") to caveat",
                CLAIMS + ":" + lineOfId(CLAIMS, "RT-07") + ": RT-07: the statement is read by managers;"
                        + " move engineering notes (\"Demoted\") to caveat",
                CLAIMS + ":" + lineOfId(CLAIMS, "MS-02") + ": MS-02: the statement is read by managers;"
                        + " move engineering notes (\"RT-01\", \"..\", \"-*\") to caveat",
                CONFLICTS + ":" + lineOfId(CONFLICTS, "CF-15") + ": CF-15: the title is read by managers;"
                        + " move engineering notes (\"seeds\") to resolution",
                CONFLICTS + ":" + lineOfId(CONFLICTS, "CF-12") + ": CF-12: the disagreement is missing;"
                        + " write it in plain words for managers"), problems());
    }

    @Test
    void aBlankDisagreementIsRefusedLikeAMissingOne() throws IOException {
        setField(CONFLICTS, "CF-01", "disagreement", "  ");
        assertEquals(Set.of(CONFLICTS + ":" + lineOfId(CONFLICTS, "CF-01")
                + ": CF-01: the disagreement is missing; write it in plain words for managers"), problems());
    }

    @Test
    void plainWordsThatOnlyLookLikeNotesPass() {
        assertEquals(List.of(), PlainWords.notes("Video encoding, seedlings, an anchorless boat, version S5 and HTTP-2 rollout"));
        assertEquals(List.of("Encoded", "anchors", "seed", "defeater"), PlainWords.notes("Encoded as anchors for each seed, with a defeater"));
    }

    private Set<String> problems() {
        RulesetException e = assertThrows(RulesetException.class, () -> RealRules.compiler().compile(rules));
        return e.problems().stream().map(RuleProblem::toString).collect(Collectors.toSet());
    }

    private static List<String> tagged(String id, List<String> notes) {
        return notes.stream().map(n -> id + ": " + n).toList();
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(rules.resolve(file));
    }

    /** The 1-based line of an entry's "id", counted here independently of the linter. */
    private int lineOfId(String file, String id) throws IOException {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("\"id\": \"" + id + "\",")) return i + 1;
        }
        throw new IllegalStateException(id + " not in " + file);
    }

    /** The index of a field's line within the entry that starts at the id's line. */
    private int fieldIndex(List<String> lines, int idLine, String field) {
        for (int i = idLine; i < lines.size() && !lines.get(i).trim().startsWith("\"id\":"); i++) {
            if (lines.get(i).trim().startsWith("\"" + field + "\":")) return i;
        }
        throw new IllegalStateException("no " + field + " after line " + idLine);
    }

    private void setField(String file, String id, String field, String value) throws IOException {
        List<String> lines = new ArrayList<>(lines(file));
        int at = fieldIndex(lines, lineOfId(file, id), field);
        String line = lines.get(at);
        lines.set(at, line.substring(0, line.indexOf('"')) + "\"" + field + "\": \"" + value + "\"" + (line.endsWith(",") ? "," : ""));
        Files.writeString(rules.resolve(file), String.join("\n", lines));
    }

    private void removeField(String file, String id, String field) throws IOException {
        List<String> lines = new ArrayList<>(lines(file));
        lines.remove(fieldIndex(lines, lineOfId(file, id), field));
        Files.writeString(rules.resolve(file), String.join("\n", lines));
    }
}
