package io.stackadvisor.whatif;

import java.util.List;
import java.util.UUID;

/** A recorded evaluation re-run against another ruleset: what changed. */
public record Replay(UUID id, Outcome recorded, Outcome replayed, boolean verdictChanged,
                     List<String> claimsNowFiring, List<String> claimsNoLongerFiring) {

    public record Outcome(String rulesetVersion, String verdict, String confidence, int nodejs, int python) {
    }
}
