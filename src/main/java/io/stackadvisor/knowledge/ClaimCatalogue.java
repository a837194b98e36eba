package io.stackadvisor.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The claim and conflict catalogues that sit beside the rules: the one place for claim text. */
public final class ClaimCatalogue {
    public static final String CLAIMS_FILE = "catalogue/claims.json";
    public static final String CONFLICTS_FILE = "catalogue/conflicts.json";
    public static final String ARTICLES_FILE = "catalogue/articles.json";

    private final Map<String, Claim> claims;
    private final Map<String, Conflict> conflicts;
    private final Map<String, Article> articles;

    private ClaimCatalogue(Map<String, Claim> claims, Map<String, Conflict> conflicts, Map<String, Article> articles) {
        this.claims = claims;
        this.conflicts = conflicts;
        this.articles = articles;
    }

    record ClaimsFile(String description, List<Claim> claims) {
    }

    record ConflictsFile(String description, List<Conflict> conflicts) {
    }

    record ArticlesFile(String description, List<Article> articles) {
    }

    /** Reads the catalogue below a rules folder; a malformed file fails with its name in the message. */
    public static ClaimCatalogue load(Path rulesDir, ObjectMapper json) throws IOException {
        return load(name -> {
            try {
                return java.nio.file.Files.readAllBytes(rulesDir.resolve(name));
            } catch (IOException e) {
                return null;
            }
        }, json);
    }

    /** Reads the catalogue from a rules folder's files by relative path (null: the file is missing). */
    public static ClaimCatalogue load(java.util.function.Function<String, byte[]> files, ObjectMapper json) throws IOException {
        ClaimsFile claimsFile = read(json, files, CLAIMS_FILE, ClaimsFile.class);
        ConflictsFile conflictsFile = read(json, files, CONFLICTS_FILE, ConflictsFile.class);
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (Claim claim : claimsFile.claims()) {
            if (claims.put(claim.id(), claim) != null) {
                throw new IOException(CLAIMS_FILE + ": claim " + claim.id() + " is listed twice");
            }
        }
        Map<String, Conflict> conflicts = new LinkedHashMap<>();
        for (Conflict conflict : conflictsFile.conflicts()) {
            conflicts.put(conflict.id(), conflict);
        }
        Map<String, Article> articles = new LinkedHashMap<>();
        for (Article article : read(json, files, ARTICLES_FILE, ArticlesFile.class).articles()) {
            articles.put(article.document(), article);
        }
        return new ClaimCatalogue(Map.copyOf(claims), Map.copyOf(conflicts), Map.copyOf(articles));
    }

    /** Strict: an unknown key is a typo, refused with the file and line. */
    private static <T> T read(ObjectMapper json, java.util.function.Function<String, byte[]> files, String name,
                              Class<T> type) throws IOException {
        byte[] content = files.apply(name);
        if (content == null) throw new IOException(name + ": file not found");
        try {
            return json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(name.substring(name.lastIndexOf('/') + 1) + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }

    public Optional<Claim> claim(String id) {
        return Optional.ofNullable(claims.get(id));
    }

    public Optional<Conflict> conflict(String id) {
        return Optional.ofNullable(conflicts.get(id));
    }

    /** The article a quote comes from, by file name. */
    public Optional<Article> article(String document) {
        return Optional.ofNullable(articles.get(document));
    }

    /** The file names (in rules/sources) of the articles described in the catalogue. */
    public java.util.Set<String> articleDocuments() {
        return articles.keySet();
    }

    public Collection<Claim> claims() {
        return claims.values();
    }

    public Collection<Conflict> conflicts() {
        return conflicts.values();
    }
}
