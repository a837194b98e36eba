package io.stackadvisor.audit;

import java.util.Set;

/** What a recorded evaluation concluded, whichever form it is stored in: for replays and explanations. */
public record RecordedOutcome(String rulesetVersion, String profile, String verdict, String confidence, int nodejs,
                              int python, Set<String> claims) {
}
