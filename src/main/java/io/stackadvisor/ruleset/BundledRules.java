package io.stackadvisor.ruleset;

import io.stackadvisor.engine.CompiledRules;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.profile.ProjectProfile;
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
            if (!wanted.equals(bundledVersion())) return Optional.empty();
            early = preloaded;
            preloaded = CompletableFuture.completedFuture(Optional.empty());
        }
        long start = System.nanoTime();
        Optional<Ruleset> ready = early == null ? Optional.empty() : await(early);
        if (ready.isPresent()) {
            LOG.infof("Rules %s read from the build's compiled form beside the start (%d ms, warm-up included); the start waited %d ms for them",
                    wanted, preloadMillis, (System.nanoTime() - start) / 1_000_000);
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

    private static Optional<Ruleset> loadWarm() {
        long start = System.nanoTime();
        Optional<Ruleset> ruleset = load(new RulesetCompiler(Clock.systemUTC(), JsonMappers.standalone()));
        // Runs the rules once, so the first request does not pay for loading the engine's classes.
        ruleset.ifPresent(r -> new DecisionEngine().evaluate(r, new Profile(ProjectProfile.UNKNOWN), true));
        preloadMillis = (System.nanoTime() - start) / 1_000_000;
        return ruleset;
    }

    private static Optional<Ruleset> load(RulesetCompiler compiler) {
        if (bundledVersion() == null) return Optional.empty();
        try {
            CompiledRules.Loaded loaded = CompiledRules.read(form);
            return Optional.of(compiler.load(loaded.files(), loaded.kieBase()));
        } catch (IOException | RulesetException | RuntimeException e) {
            LOG.warnf("The build's compiled rules %s do not load (%s); they will be compiled", version, e.getMessage());
            return Optional.empty();
        }
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
