package io.stackadvisor.ruleset;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.engine.RulesetTexts;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProjectProfile;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the live ruleset and replaces it only as a whole, only with a candidate that passed the
 * {@link RulesetGate}; every version that passes is stored, so records can be rendered on it later.
 * Evaluations read {@link #current()} once, so requests in flight finish on the ruleset they started
 * with and later ones use the new one.
 *
 * <p>One fleet: the database says which stored version is live (the pointer). Every instance polls it
 * ({@link FleetFollower}) and, when it moved, compiles that stored version from its archive and swaps
 * it in; a reload ({@link RulesFolderReload}) gates this instance's folder, stores it and moves the pointer.
 */
@Startup
@ApplicationScoped
public class RulesetService {
    private static final Logger LOG = Logger.getLogger(RulesetService.class);

    private final Path rulesDir;
    private final RulesetGate gate;
    private final RulesetVersions versions;
    private final Clock clock = Clock.systemUTC();
    private final LiveRuleset live = new LiveRuleset();
    private final FleetFollower follower;
    private final RulesFolderReload folder;
    private final boolean publishOnStart;

    public RulesetService(@ConfigProperty(name = "stack-advisor.rules.dir", defaultValue = "rules") Path rulesDir,
                          RulesetGate gate, RulesetVersions versions,
                          @ConfigProperty(name = "stack-advisor.rules.publish-on-start", defaultValue = "true") boolean publishOnStart,
                          @ConfigProperty(name = "stack-advisor.rules.follow-interval", defaultValue = "2s") Duration followInterval) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        this.gate = gate;
        this.versions = versions;
        this.publishOnStart = publishOnStart;
        this.follower = new FleetFollower(versions, live, clock, followInterval);
        this.folder = new RulesFolderReload(this.rulesDir, gate, versions, live, clock);
    }

    /**
     * With a live version stored and publish-on-start off, serves it (compiled from its archive, its
     * gate passed when it was stored). With none, or publish-on-start on, gates the rules folder; if it
     * passes it goes live for the fleet. A folder that does not pass stops the start only when there
     * is no live version to serve instead.
     */
    @PostConstruct
    void loadAtStartup() {
        Optional<String> pointer = versions.live();
        if (pointer.isEmpty() || publishOnStart) {
            ReloadOutcome outcome = reload("startup", true);
            if (outcome.rejected()) {
                if (pointer.isEmpty()) {
                    throw new IllegalStateException("Cannot start: the rules in " + rulesDir + " do not pass their checks: "
                            + outcome.problems() + " " + outcome.failedScenarios());
                }
                LOG.errorf("The rules in %s do not pass their checks; serving the fleet's live version %s", rulesDir, pointer.get());
                follower.follow("startup");
            }
        } else {
            follower.follow("startup");
        }
        if (current() == null) throw new IllegalStateException("Cannot start: the live ruleset " + pointer.orElse("?") + " does not load");
        // One evaluation before the first request: loads the engine's classes and fills the session pool.
        new DecisionEngine().evaluate(current(), new Profile(ProjectProfile.UNKNOWN), true);
        follower.start();
    }

    /** Makes a stored version the fleet's live one, and this instance's at once (the others follow). */
    public void promote(String version, String by) {
        if (!versions.stored(version)) throw RulesetVersionId.notFound("path.version", version);
        live.exclusively(() -> {
            if (!version.equals(versions.live().orElse(null))) versions.promote(version, by);
            return follower.follow("promote");
        });
    }

    /** An uploaded folder through the full gate; stored as a candidate if it passes (never made live here). */
    public RulesetGate.Verdict upload(RulesFiles files) {
        RulesetGate.Verdict verdict = gate.check(files);
        if (verdict.passed()) {
            try {
                versions.store(files, new RulesetVersions.GateReport(clock.instant(), verdict.ruleset().rules().size(),
                        verdict.scenariosPassed(), "upload"));
            } finally {
                verdict.ruleset().close();
            }
        }
        return verdict;
    }

    /** True if this version is stored (passed its gate), so it can be evaluated, rendered, promoted. */
    public boolean isStored(String version) {
        return live.ifVersion(version) != null || versions.stored(version);
    }

    /** The fleet's live version (the pointer), if one was ever promoted. */
    public Optional<String> fleetLive() {
        return versions.live();
    }

    /** Told of every load or reload attempt (metrics). */
    public void onReload(Consumer<ReloadOutcome> listener) {
        live.onReload(listener);
    }

    /** The ruleset to use for one whole evaluation: read it once and keep the reference. */
    public Ruleset current() {
        return live.current();
    }

    /** What answers quote from a version: the live one, or a stored one. */
    public RulesetTexts texts(String version) {
        Ruleset now = live.ifVersion(version);
        return now != null ? now.texts() : versions.texts(version);
    }

    /** A version ready to evaluate: the live one, or a stored one compiled. */
    public Ruleset compiled(String version) {
        Ruleset now = live.ifVersion(version);
        return now != null ? now : versions.compiled(version);
    }

    public ReloadOutcome lastAttempt() {
        return live.lastAttempt();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /** The rules folder as it is on disk now, compiled and linted but not live (for impact reports); close it after use. */
    public Ruleset candidate() throws RulesetException {
        return gate.compile(RulesFiles.read(rulesDir));
    }

    /** The follower stops polling (let finish its poll) at shutdown, while the database is still open. */
    void stopFollowing(@Observes ShutdownEvent stopping) {
        follower.stop();
    }

    /** The live ruleset's sessions are shut down with the service (the follower stopped at the shutdown event). */
    @PreDestroy
    void shutdown() {
        live.close();
    }

    /**
     * Re-reads the rules folder; swaps the candidate in only if it passes the gate. A version whose
     * gate passed before (stored, or checked when the application was packaged) is compiled only.
     */
    public ReloadOutcome reload(String trigger) {
        return reload(trigger, true);
    }

    /**
     * Re-reads the rules folder and gates it; a version that passes is stored and, with {@code promote},
     * becomes the fleet's live version (the pointer moves) and this instance's at once.
     */
    public ReloadOutcome reload(String trigger, boolean promote) {
        return folder.reload(trigger, promote);
    }
}
