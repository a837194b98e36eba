package io.stackadvisor.whatif;

import java.util.List;

/** What a ruleset would change across a set of recorded evaluations. */
public record ImpactReport(String against, String rulesetVersion, int evaluated, int verdictsChanged, int unchanged,
                           List<Flip> flips, List<ClaimShift> claimShifts) {

    /** Evaluations whose verdict would go from one value to another, with a few to look at. */
    public record Flip(String from, String to, int count, List<String> examples) {
    }

    /** How many evaluations a claim would start or stop firing in. */
    public record ClaimShift(String claim, int nowFiring, int noLongerFiring) {
    }
}
