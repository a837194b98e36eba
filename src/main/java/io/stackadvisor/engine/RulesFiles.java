package io.stackadvisor.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A rules folder's files in memory, by relative path in sorted order, prose (*.md) and hidden files
 * left out: what a ruleset version is the hash of, read from disk or from a stored archive.
 */
public record RulesFiles(Map<String, byte[]> files) {
    static final long MAX_ARCHIVE_BYTES = 64L * 1024 * 1024;

    public RulesFiles {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static RulesFiles read(Path rulesDir) throws RulesetException {
        if (!Files.isDirectory(rulesDir)) {
            throw new RulesetException(List.of(new RuleProblem(rulesDir.toString(), 0, "rules folder not found")));
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(rulesDir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = rulesDir.relativize(path).toString().replace('\\', '/');
                if (kept(name)) files.put(name, Files.readAllBytes(path));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new RulesetException(List.of(new RuleProblem(rulesDir.toString(), 0, "cannot read: " + e.getMessage())));
        }
        return new RulesFiles(files);
    }

    /** The files of a zip archive of a rules folder (as {@link #zip()} writes, or uploaded). */
    public static RulesFiles unzip(byte[] archive) throws RulesetException {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || !kept(name)) continue;
                if (name.startsWith("/") || name.contains("../")) {
                    throw new RulesetException(List.of(new RuleProblem(name, 0, "archive entries must be relative paths")));
                }
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_ARCHIVE_BYTES - total + 1));
                total += content.length;
                if (total > MAX_ARCHIVE_BYTES) {
                    throw new RulesetException(List.of(new RuleProblem(name, 0, "the archive unpacks to more than 64 MB")));
                }
                files.put(name, content);
            }
        } catch (IOException e) {
            throw new RulesetException(List.of(new RuleProblem("archive", 0, "not a readable zip archive: " + e.getMessage())));
        }
        return new RulesFiles(files);
    }

    /**
     * An uploaded rules folder: a zip ({@code gzip == false}) or a gzip-compressed tar archive. Entries
     * may be written as {@code ./x} or all below one top folder ({@code rules/x}): both are read as {@code x}.
     */
    public static RulesFiles uploaded(byte[] archive, boolean gzip) throws RulesetException {
        Map<String, byte[]> files = gzip ? TarGzReader.read(archive) : unzip(archive).files();
        Map<String, byte[]> relative = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            relative.put(name.startsWith("./") ? name.substring(2) : name, file.getValue());
        }
        String top = null;
        for (String name : relative.keySet()) {
            int slash = name.indexOf('/');
            String first = slash < 0 ? "" : name.substring(0, slash + 1);
            if (top == null) top = first;
            else if (!top.equals(first)) top = "";
        }
        if (top != null && !top.isEmpty()) {
            Map<String, byte[]> stripped = new TreeMap<>();
            for (Map.Entry<String, byte[]> file : relative.entrySet()) {
                stripped.put(file.getKey().substring(top.length()), file.getValue());
            }
            relative = stripped;
        }
        if (relative.isEmpty()) throw new RulesetException(List.of(new RuleProblem("archive", 0, "the archive holds no rules files")));
        return new RulesFiles(relative);
    }

    /** Prose (*.md) and hidden files are no part of a ruleset. */
    static boolean kept(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return !file.endsWith(".md") && !file.startsWith(".") && !file.isEmpty();
    }

    /** A zip of the files in path order with fixed timestamps: the same files give the same bytes. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** sha256 over each file's path and content, so a rename changes the version too. */
    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] file(String name) {
        return files.get(name);
    }

    public String text(String name) {
        byte[] content = files.get(name);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }
}
