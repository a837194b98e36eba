package io.stackadvisor.whatif;

import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ValidatedProfile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** One shadow sample: the profile evaluated on the candidate, its verdict and fired claims compared with live's, and counted. */
final class ShadowComparison {
    private static final Logger LOG = Logger.getLogger(ShadowService.class);

    private final DecisionEngine engine = new DecisionEngine();
    private final ShadowTally tally;

    ShadowComparison(ShadowTally tally) {
        this.tally = tally;
    }

    void compare(Ruleset shadow, ValidatedProfile profile, EngineResult live) {
        EngineResult result;
        try {
            result = engine.evaluate(shadow, new Profile(profile.profile()), true);
        } catch (RuntimeException e) {
            // The candidate was swapped out (closed) while this sample waited: counted as dropped.
            LOG.debugf("A shadow sample on %s did not run: %s", shadow.version(), e.getMessage());
            tally.dropped(shadow.version());
            return;
        }
        Set<String> before = claims(live);
        Set<String> after = claims(result);
        List<String> more = after.stream().filter(c -> !before.contains(c)).toList();
        List<String> fewer = before.stream().filter(c -> !after.contains(c)).toList();
        tally.compared(shadow.version(), live.verdict().name(), result.verdict().name(), profile, more, fewer);
    }

    private static Set<String> claims(EngineResult result) {
        Set<String> claims = new LinkedHashSet<>();
        for (TraceStep step : result.trace()) if (step.rule().encodesClaim()) claims.add(step.rule().claim());
        return claims;
    }
}
