package io.stackadvisor.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What decided one evaluation, as the audit log keeps it: no catalogue text and nothing derivable.
 * The document a caller reads is rendered from this and the ruleset version that decided it.
 *
 * @param profile     the profile as received, as compact JSON
 * @param steps       every rule firing in order: the rule, the values it matched, what it contributed
 * @param claimsFired the claims of the rules that fired, for search
 * @param digest      sha256 of the full document as first answered, for auditors to verify a re-render
 */
public record EvaluationRecord(UUID id, Instant evaluatedAt, String rulesetVersion, String verdict, String confidence,
                               int nodeScore, int pythonScore, String profileName, String profile, List<Step> steps,
                               List<String> flags, List<String> advice, boolean explained, Set<String> claimsFired,
                               byte[] digest) {

    /** One rule firing. */
    public record Step(String rule, Map<String, Object> matched, Map<String, Object> effect) {
    }
}
