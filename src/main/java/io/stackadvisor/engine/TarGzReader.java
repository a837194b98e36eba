package io.stackadvisor.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** A minimal ustar/GNU tar reader (regular files only) over a gzip stream, with the zip's limits: for uploaded rules folders. */
final class TarGzReader {
    private TarGzReader() {
    }

    /** The archive's files by path, prose and hidden files left out. */
    static Map<String, byte[]> read(byte[] archive) throws RulesetException {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512) throw new IOException("truncated tar header");
                if (allZero(header)) break;
                String name = longName != null ? longName : field(header, 0, 100);
                longName = null;
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty() && header[257] == 'u') name = prefix + "/" + name;
                long size = Long.parseLong(field(header, 124, 12).isBlank() ? "0" : field(header, 124, 12).strip(), 8);
                char type = (char) header[156];
                if (size < 0 || total + size > RulesFiles.MAX_ARCHIVE_BYTES) {
                    throw new RulesetException(List.of(new RuleProblem(name, 0, "the archive unpacks to more than 64 MB")));
                }
                byte[] content = in.readNBytes((int) size);
                if (content.length < size) throw new IOException("truncated tar entry " + name);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {
                    longName = new String(content, StandardCharsets.UTF_8).replace("\0", "").strip();
                    int nul = longName.indexOf(0);
                    if (nul >= 0) longName = longName.substring(0, nul);
                    continue;
                }
                if (type != '0' && type != 0) continue; // directories, links, pax headers: nothing to keep
                name = name.replace('\\', '/');
                if (!RulesFiles.kept(name)) continue;
                if (name.startsWith("/") || name.contains("../")) {
                    throw new RulesetException(List.of(new RuleProblem(name, 0, "archive entries must be relative paths")));
                }
                total += size;
                files.put(name, content);
            }
        } catch (IOException | NumberFormatException e) {
            throw new RulesetException(List.of(new RuleProblem("archive", 0, "not a readable tar.gz archive: " + e.getMessage())));
        }
        return files;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
