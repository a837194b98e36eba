package io.stackadvisor.ruleset;

import io.stackadvisor.engine.CompiledRules;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.RulesetException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.profile.ProfileReader;
import io.stackadvisor.scenario.ScenarioLoader;
import io.stackadvisor.scenario.ScenarioReport;
import io.stackadvisor.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * The rules the build compiled: at package time the gate writes the folder that passed, with its
 * compiled packages, into the jar ({@value #RESOURCE}). A start on that version reads them instead of
 * parsing and compiling the DRL. {@link StackAdvisorMain} starts the read (and one warm-up evaluation)
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
                    + " run again as a warm-up); the start waited %d ms for them", wanted, preloadMillis, scenariosRun,
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
     * Loads the ruleset and runs the folder's own scenarios on it: that warms the engine, the profile
     * validation and JSON reading for the first request, and checks the form once more; a form that
     * fails a scenario here is not used (the folder is then compiled and gated as usual).
     */
    private static Optional<Ruleset> loadWarm() {
        long start = System.nanoTime();
        ObjectMapper json = JsonMappers.standalone();
        Optional<Ruleset> ruleset = Optional.empty();
        try {
            CompiledRules.Loaded loaded = read();
            if (loaded != null) {
                Ruleset candidate = new RulesetCompiler(Clock.systemUTC(), json).load(loaded.files(), loaded.kieBase());
                ScenarioReport report = new ScenarioRunner(new ProfileReader(json)).run(candidate, new ScenarioLoader(json).load(loaded.files()));
                if (report.passed()) {
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

    private static Optional<Ruleset> load(RulesetCompiler compiler) {
        try {
            CompiledRules.Loaded loaded = read();
            return loaded == null ? Optional.empty() : Optional.of(compiler.load(loaded.files(), loaded.kieBase()));
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
