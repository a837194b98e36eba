package io.stackadvisor.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the repository keeps of the knowledge base it was built from (src/test/resources/knowledge-base.txt):
 * the claim and conflict ids of claims.md and conflicts.md, and the cases of examples.json with their
 * verdicts. The knowledge base itself lives outside the repository; tests never read it there.
 */
final class KnowledgeBase {
    static final String RESOURCE = "/knowledge-base.txt";

    final List<String> claims = new ArrayList<>();
    final List<String> conflicts = new ArrayList<>();
    /** Case id to the verdict the knowledge base expects. */
    final Map<String, String> examples = new LinkedHashMap<>();

    private KnowledgeBase() {
    }

    static KnowledgeBase read() {
        KnowledgeBase kb = new KnowledgeBase();
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] words = line.strip().split("\\s+");
                if (words[0].isEmpty() || words[0].startsWith("#")) continue;
                switch (words[0]) {
                    case "claim" -> kb.claims.add(words[1]);
                    case "conflict" -> kb.conflicts.add(words[1]);
                    case "example" -> kb.examples.put(words[1], words[2]);
                    default -> throw new IllegalStateException(RESOURCE + ": unknown line " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kb.claims.isEmpty() || kb.conflicts.isEmpty() || kb.examples.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no claims, conflicts or examples");
        }
        return kb;
    }
}
