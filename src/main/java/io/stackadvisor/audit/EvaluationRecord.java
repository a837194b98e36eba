package io.stackadvisor.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What the audit log stores for one evaluation: the document as returned (UTF-8 JSON) and its search keys. */
public record EvaluationRecord(UUID id, Instant evaluatedAt, String rulesetVersion, String verdict,
                               String confidence, int nodeScore, int pythonScore, String profileName,
                               Set<String> claimsFired, byte[] document) {
}
