package io.stackadvisor.ruleset;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When enabled (stack-advisor.rules.watch=true), reloads the ruleset after files in rules/ change
 * and then stay quiet for a moment, so an editor saving several files triggers one reload. Every
 * reload passes the same gate as the API's: a broken edit never goes live.
 */
@ApplicationScoped
public class RulesWatcher {
    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private final RulesetService rulesets;
    private final boolean enabled;
    private final long quietMillis;
    private volatile Thread thread;
    private volatile WatchService watcher;

    public RulesWatcher(RulesetService rulesets,
                        @ConfigProperty(name = "stack-advisor.rules.watch", defaultValue = "false") boolean enabled,
                        @ConfigProperty(name = "stack-advisor.rules.watch-quiet-ms", defaultValue = "500") long quietMillis) {
        this.rulesets = rulesets;
        this.enabled = enabled;
        this.quietMillis = quietMillis;
    }

    void start(@Observes StartupEvent event) throws IOException {
        if (!enabled) return;
        watcher = FileSystems.getDefault().newWatchService();
        registerAll(rulesets.rulesDir());
        thread = new Thread(this::watch, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Watching %s for rule changes", rulesets.rulesDir());
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (thread != null) thread.interrupt();
        if (watcher != null) watcher.close();
    }

    private void registerAll(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                drain(key);
                WatchKey more;
                while ((more = watcher.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) drain(more);
                registerAll(rulesets.rulesDir());
                rulesets.reload("watch");
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("The rules watcher stopped; use POST /api/v1/ruleset/reload", e);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }
}
