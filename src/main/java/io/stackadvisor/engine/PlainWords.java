package io.stackadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts that product managers read (a claim's statement, a conflict's title and disagreement) must be
 * plain words. Engineering notes belong in the fields engineers read: a claim's caveat, a conflict's
 * encode / flagOnly / resolution.
 */
final class PlainWords {
    private static final List<Pattern> NOTES = List.of(
            // a claim or conflict id: RT-07, CF-12, TEAM-04
            Pattern.compile("\\b[A-Z]{2,5}-\\d{2}\\b"),
            // an id range or wildcard: RT-01..06, STR-*
            Pattern.compile("\\.\\.|-\\*"),
            // an article code: S0 to S4
            Pattern.compile("\\bS[0-4]\\b"),
            // rule mechanics ("encoding" stays allowed: video encoding is a plain word)
            Pattern.compile("(?i)\\b(?:encode[sd]?|defeaters?|demot(?:e|es|ed|ing|ion)|anchor(?:s|ed|ing)?|seed(?:s|ed)?)\\b"));

    private PlainWords() {
    }

    /** The engineering notes found in a text, in the order of the checks, each once. */
    static List<String> notes(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : NOTES) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (!found.contains(m.group())) found.add(m.group());
            }
        }
        return found;
    }

    /**
     * What is wrong with one text managers read, if anything.
     *
     * @param owner     the claim or conflict id the text belongs to
     * @param field     the field's name in the catalogue (statement, title, disagreement)
     * @param notesGoTo where engineering notes belong instead
     */
    static Optional<String> problem(String owner, String field, String text, String notesGoTo) {
        if (text == null || text.isBlank()) {
            return Optional.of(owner + ": the " + field + " is missing; write it in plain words for managers");
        }
        List<String> notes = notes(text);
        if (notes.isEmpty()) return Optional.empty();
        return Optional.of(owner + ": the " + field + " is read by managers; move engineering notes ("
                + String.join(", ", notes.stream().map(n -> "\"" + n + "\"").toList()) + ") to " + notesGoTo);
    }
}
