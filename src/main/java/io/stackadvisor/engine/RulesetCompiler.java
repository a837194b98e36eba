package io.stackadvisor.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.knowledge.ClaimCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Turns a rules folder into a {@link Ruleset}: reads every file, hashes them into the version,
 * analyses and compiles the DRL, and loads the claim catalogue. Any problem fails the whole load.
 */
public final class RulesetCompiler {
    static {
        DroolsLogging.keepTraceOff();
    }

    private final Clock clock;
    private final ObjectMapper json;

    public RulesetCompiler(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    public Ruleset compile(Path rulesDir) throws RulesetException {
        return compile(RulesFiles.read(rulesDir));
    }

    /** Compiles and lints a folder's files; any problem fails the whole load. */
    public Ruleset compile(RulesFiles folder) throws RulesetException {
        Map<String, byte[]> files = folder.files();
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
        Map<String, String> consequences = new java.util.HashMap<>();
        RuleSourceAnalyzer analyzer = new RuleSourceAnalyzer();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        Map<String, String> drl = new LinkedHashMap<>();
        files.forEach((name, content) -> {
            if (!name.endsWith(".drl")) return;
            drl.put(name, new String(content, StandardCharsets.UTF_8));
            batch.add(ResourceFactory.newByteArrayResource(content).setSourcePath(name), ResourceType.DRL);
        });
        var analysis = analyzer.analyze(drl);
        problems.addAll(analysis.problems());
        consequences.putAll(analysis.consequences());
        for (RuleDescriptor rule : analysis.rules()) {
            RuleDescriptor earlier = rules.putIfAbsent(rule.name(), rule);
            if (earlier != null) {
                problems.add(new RuleProblem(rule.file(), rule.line(), "rule name \"" + rule.name()
                        + "\" is already used at " + earlier.file() + ":" + earlier.line()));
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem("rules", 0, "no .drl file with rules found"));
        }
        if (!problems.isEmpty()) throw new RulesetException(problems);
        batch.build();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            int[] lines = error.getLines();
            String file = error.getResource() == null ? "rules" : error.getResource().getSourcePath();
            problems.add(new RuleProblem(file, lines.length > 0 ? lines[0] : 0, error.getMessage().strip()));
        }
        if (!problems.isEmpty()) throw new RulesetException(problems);
        KieBase kieBase = DroolsOptions.kieBaseOf(builder.getKnowledgePackages());
        ClaimCatalogue catalogue = catalogue(folder);
        problems.addAll(new RulesetLinter().lint(rules, consequences, catalogue, files));
        if (!problems.isEmpty()) throw new RulesetException(problems);
        return ruleset(folder, kieBase, rules, catalogue);
    }

    /**
     * A folder that already passed its gate, read back from its {@link CompiledRules compiled form} (same
     * version, same build): nothing is parsed or compiled, only the catalogue is read.
     */
    public Ruleset load(CompiledRules.Loaded form) throws RulesetException {
        Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
        for (RuleDescriptor rule : form.rules()) rules.putIfAbsent(rule.name(), rule);
        return ruleset(form.files(), form.kieBase(), rules, catalogue(form.files()));
    }

    private Ruleset ruleset(RulesFiles folder, KieBase kieBase, Map<String, RuleDescriptor> rules, ClaimCatalogue catalogue) {
        return new Ruleset(folder.version(), clock.instant(), List.copyOf(folder.files().keySet()),
                new RulesetSessions(kieBase, kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors())),
                java.util.Collections.unmodifiableMap(rules), catalogue);
    }

    /**
     * What answers quote from a folder that already passed its gate (a stored version): its rules as
     * written and its catalogue, read without compiling anything.
     */
    public RulesetTexts describe(RulesFiles folder) throws RulesetException {
        Map<String, String> drl = new LinkedHashMap<>();
        folder.files().forEach((name, content) -> {
            if (name.endsWith(".drl")) drl.put(name, new String(content, StandardCharsets.UTF_8));
        });
        var analysis = new RuleSourceAnalyzer().analyze(drl);
        if (!analysis.problems().isEmpty()) throw new RulesetException(analysis.problems());
        Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
        for (RuleDescriptor rule : analysis.rules()) rules.putIfAbsent(rule.name(), rule);
        return new RulesetTexts(folder.version(), java.util.Collections.unmodifiableMap(rules), catalogue(folder));
    }

    private ClaimCatalogue catalogue(RulesFiles folder) throws RulesetException {
        try {
            return ClaimCatalogue.load(folder::file, json);
        } catch (IOException e) {
            throw new RulesetException(List.of(new RuleProblem("catalogue", 0, e.getMessage())));
        }
    }

    /** The version a folder would have, even when it does not compile (null if it cannot be read). */
    public static String versionOf(Path rulesDir) {
        try {
            return RulesFiles.read(rulesDir).version();
        } catch (RulesetException e) {
            return null;
        }
    }
}
