package io.stackadvisor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stackadvisor.engine.CompiledRules;
import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.testing.RealRules;
import io.stackadvisor.testing.RulesCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules compiled two ways — from the DRL, and read back from the compiled form the build puts in
 * the jar — answer every scenario alike, trace included; and the comparison does notice a difference.
 */
class CompiledFormTest {
    @TempDir
    Path dir;

    @Test
    void theCompiledFormAnswersEveryScenarioAsTheDrlDoes() throws Exception {
        Ruleset fromSource = RealRules.ruleset();
        RulesFiles folder = RulesFiles.read(RealRules.DIR);
        byte[] form = CompiledRules.write(folder, fromSource.sessions().kieBase(), fromSource.rules().values());
        assertEquals(folder.version(), CompiledRules.versionOf(form));

        CompiledRules.Loaded loaded = CompiledRules.read(form);
        assertEquals(folder.files().keySet(), loaded.files().files().keySet());
        try (Ruleset readBack = RealRules.compiler().load(loaded)) {
            assertEquals(fromSource.version(), readBack.version());
            assertEquals(fromSource.rules(), readBack.rules());
            assertEquals(List.of(), new SameAnswers(RealRules.READER).differences(fromSource, readBack, RealRules.scenarios()));
        }
    }

    @Test
    void aRulesetThatAnswersDifferentlyIsCaught() throws Exception {
        Path copy = dir.resolve("rules");
        RulesCopy.reset(copy);
        String file = drlDeclaring("\"RT-01 ");
        RulesCopy.edit(copy, file, "rule \"RT-01 ", "rule \"RT-01 (renamed) ");
        try (Ruleset changed = RealRules.compiler().compile(copy)) {
            List<String> differences = new SameAnswers(RealRules.READER).differences(RealRules.ruleset(), changed, RealRules.scenarios());
            assertFalse(differences.isEmpty());
            assertTrue(differences.stream().allMatch(d -> d.contains("RT-01")), differences.toString());
        }
    }

    @Test
    void theBuildsCheckWritesTheFormOnlyAfterProvingIt() throws Exception {
        Path target = dir.resolve("gate/compiled-rules.bin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckRules.writeCompiled(RealRules.DIR, target, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("all " + RealRules.scenarios().size() + " scenarios answer exactly"));
        assertEquals(RealRules.ruleset().version(), CompiledRules.versionOf(Files.readAllBytes(target)));
    }

    @Test
    void aFormFromAnotherFormatIsRefused() {
        assertThrows(IOException.class, () -> CompiledRules.read(new byte[] {31, -117, 8, 0, 0, 0, 0, 0, 0, -1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    }

    private static String drlDeclaring(String ruleNameStart) throws IOException {
        try (var files = Files.walk(RealRules.DIR)) {
            for (Path path : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                if (Files.readString(path).contains("rule " + ruleNameStart)) return RealRules.DIR.relativize(path).toString();
            }
        }
        throw new AssertionError("no rule starts with " + ruleNameStart);
    }
}
