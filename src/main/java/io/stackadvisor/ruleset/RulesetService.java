package io.stackadvisor.ruleset;

import io.quarkus.runtime.Startup;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.RulesetException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the live ruleset. It is compiled from the rules folder at start-up (a service that cannot
 * load its rules does not start) and replaced only as a whole.
 */
@Startup
@ApplicationScoped
public class RulesetService {
    private static final Logger LOG = Logger.getLogger(RulesetService.class);

    private final Path rulesDir;
    private final RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC());
    private final AtomicReference<Ruleset> live = new AtomicReference<>();

    public RulesetService(@ConfigProperty(name = "stack-advisor.rules.dir", defaultValue = "rules") Path rulesDir) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
    }

    @PostConstruct
    void loadAtStartup() {
        try {
            long start = System.nanoTime();
            Ruleset ruleset = compiler.compile(rulesDir);
            live.set(ruleset);
            LOG.infof("Loaded ruleset %s from %s: %d rules in %d ms", ruleset.version(), rulesDir,
                    ruleset.rules().size(), (System.nanoTime() - start) / 1_000_000);
        } catch (RulesetException e) {
            e.problems().forEach(p -> LOG.error("Rules problem: " + p));
            throw new IllegalStateException("Cannot start: the rules in " + rulesDir + " do not load: " + e.getMessage());
        }
    }

    /** The ruleset to use for one whole evaluation: read it once and keep the reference. */
    public Ruleset current() {
        return live.get();
    }

    public Path rulesDir() {
        return rulesDir;
    }
}
