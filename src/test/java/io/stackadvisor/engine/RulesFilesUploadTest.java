package io.stackadvisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** An uploaded rules folder reads as the same files (the same version) however the archive was made. */
class RulesFilesUploadTest {
    static final Path RULES = Path.of("rules");

    static byte[] tar(String... args) throws Exception {
        Path archive = Files.createTempFile("rules", ".tar.gz");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("tar", "-czf", archive.toString()));
        command.addAll(java.util.List.of(args));
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
        byte[] bytes = Files.readAllBytes(archive);
        Files.delete(archive);
        return bytes;
    }

    static byte[] zip(String prefix) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(RULES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(prefix + RULES.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void tarAndZipInEveryUsualShapeGiveTheFolder() throws Exception {
        String version = RulesFiles.read(RULES).version();
        assertEquals(version, RulesFiles.uploaded(tar("-C", "rules", "."), true).version(), "tar -C rules .");
        assertEquals(version, RulesFiles.uploaded(tar("rules"), true).version(), "tar rules");
        assertEquals(version, RulesFiles.uploaded(zip(""), false).version(), "zip of the contents");
        assertEquals(version, RulesFiles.uploaded(zip("rules/"), false).version(), "zip of the folder");
        assertEquals(version, RulesFiles.uploaded(RulesFiles.read(RULES).zip(), false).version(), "as stored");
    }

    @Test
    void whatIsNotARulesArchiveIsAProblem() {
        RulesetException notGzip = assertThrows(RulesetException.class, () -> RulesFiles.uploaded("nope".getBytes(), true));
        assertTrue(notGzip.problems().get(0).message().contains("tar.gz"), notGzip.problems().toString());
        assertThrows(RulesetException.class, () -> RulesFiles.uploaded(new byte[0], false));
    }
}
