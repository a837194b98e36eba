package io.stackadvisor.ruleset;

import io.stackadvisor.engine.CompiledRules;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.RulesetException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.scenario.Scenario;
import io.stackadvisor.scenario.ScenarioLoader;
import io.stackadvisor.scenario.ScenarioReport;
import io.stackadvisor.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * The rules the build compiled: at package time the gate writes the folder that passed, with its
 * compiled packages, into the jar ({@value #RESOURCE}). A start on that version reads them instead of
 * parsing and compiling the DRL. {@link StackAdvisorMain} starts the read (and a warm-up of a few scenarios)
 * before Quarkus starts, on a second thread, so the two overlap; it uses the standalone JSON settings
 * because Quarkus's ObjectMapper does not exist yet.
 */
public final class BundledRules {
    static final String RESOURCE = "/gate/compiled-rules.bin";
    private static final Logger LOG = Logger.getLogger(BundledRules.class);
    private static final Object LOCK = new Object();
    private static CompletableFuture<Optional<Ruleset>> preloaded;
    private static byte[] form;
    private static String version;
    private static volatile long preloadMillis;
    private static volatile int scenariosRun;
    /** Set when the early read failed or the form failed its scenarios: it is never used then. */
    private static volatile boolean refused;

    private BundledRules() {
    }

    /** Starts loading the bundled ruleset on a background thread; the first {@link #ruleset} of its version takes it. */
    public static void preload() {
        synchronized (LOCK) {
            if (preloaded == null) preloaded = CompletableFuture.supplyAsync(BundledRules::loadWarm, BundledRules::startThread);
        }
    }

    /** The bundled ruleset if the build compiled exactly this version (each call gets its own). */
    static Optional<Ruleset> ruleset(String wanted, RulesetCompiler compiler) {
        CompletableFuture<Optional<Ruleset>> early;
        synchronized (LOCK) {
            if (refused || !wanted.equals(bundledVersion())) return Optional.empty();
            early = preloaded;
            preloaded = null;
        }
        long start = System.nanoTime();
        if (early != null) {
            Optional<Ruleset> ready = await(early);
            ready.ifPresent(r -> LOG.infof("Rules %s read from the build's compiled form beside the start (%d ms, its %d scenarios"
                    + " run as a warm-up); the start waited %d ms for them", wanted, preloadMillis, scenariosRun,
                    (System.nanoTime() - start) / 1_000_000));
            return ready;
        }
        Optional<Ruleset> read = load(compiler);
        if (read.isPresent()) {
            LOG.infof("Rules %s read from the build's compiled form in %d ms", wanted, (System.nanoTime() - start) / 1_000_000);
        }
        return read;
    }

    /** The version the build compiled, or null if this build holds no compiled rules. */
    static String bundledVersion() {
        synchronized (LOCK) {
            if (form == null) {
                try (InputStream in = BundledRules.class.getResourceAsStream(RESOURCE)) {
                    form = in == null ? new byte[0] : in.readAllBytes();
                    version = form.length == 0 ? null : CompiledRules.versionOf(form);
                } catch (IOException e) {
                    LOG.warnf("The build's compiled rules do not read (%s); rules will be compiled", e.getMessage());
                    form = new byte[0];
                }
            }
            return version;
        }
    }

    /**
     * Loads the ruleset and runs a few of the folder's scenarios on it, the first of each expected verdict:
     * that loads and warms the engine, the profile validation and JSON reading for the first request. The
     * build proved the form answers all of them exactly as the DRL does ({@code CheckRules --compiled}),
     * so running all of them again here would only take CPU from the start; a form that fails one of
     * these is not used (the folder is then compiled and gated as usual).
     */
    private static Optional<Ruleset> loadWarm() {
        long start = System.nanoTime();
        ObjectMapper json = JsonMappers.standalone();
        Optional<Ruleset> ruleset = Optional.empty();
        try {
            CompiledRules.Loaded loaded = read();
            if (loaded != null) {
                Ruleset candidate = new RulesetCompiler(Clock.systemUTC(), json).load(loaded);
                List<Scenario> warmUp = oneOfEachVerdict(new ScenarioLoader(json).load(loaded.files()));
                ScenarioReport report = new ScenarioRunner(new ProfileReader(json)).run(candidate, warmUp);
                if (report.failed().isEmpty()) {
                    scenariosRun = report.results().size();
                    ruleset = Optional.of(candidate);
                } else {
                    LOG.warnf("The build's compiled rules %s fail their scenarios here; the folder will be compiled and gated", version);
                    candidate.close();
                }
            }
        } catch (IOException | RulesetException | RuntimeException e) {
            LOG.warnf("The build's compiled rules %s do not load (%s); they will be compiled", version, e.getMessage());
        }
        preloadMillis = (System.nanoTime() - start) / 1_000_000;
        refused = ruleset.isEmpty();
        return ruleset;
    }

    static List<Scenario> oneOfEachVerdict(List<Scenario> scenarios) {
        Map<String, Scenario> first = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) first.putIfAbsent(String.valueOf(scenario.expect().verdict()), scenario);
        return List.copyOf(first.values());
    }

    private static Optional<Ruleset> load(RulesetCompiler compiler) {
        try {
            CompiledRules.Loaded loaded = read();
            return loaded == null ? Optional.empty() : Optional.of(compiler.load(loaded));
        } catch (IOException | RulesetException | RuntimeException e) {
            LOG.warnf("The build's compiled rules %s do not load (%s); they will be compiled", version, e.getMessage());
            return Optional.empty();
        }
    }

    /** The bundled folder and a new KieBase of it, or null if this build holds no compiled rules. */
    private static CompiledRules.Loaded read() throws IOException {
        return bundledVersion() == null ? null : CompiledRules.read(form);
    }

    private static Optional<Ruleset> await(CompletableFuture<Optional<Ruleset>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static void startThread(Runnable task) {
        Thread thread = new Thread(task, "bundled-rules-preload");
        thread.setDaemon(true);
        thread.start();
    }
}
