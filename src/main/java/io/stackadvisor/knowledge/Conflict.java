package io.stackadvisor.knowledge;

import java.util.List;

/**
 * Where the seeds disagree and how the rules resolve it (rules/catalogue/conflicts.json). The title
 * and the disagreement are read by managers in plain words; encode, flagOnly and resolution are the
 * knowledge engineer's notes.
 */
public record Conflict(String id, String title, String disagreement, String type, List<String> claims, String encode,
                       String flagOnly, String resolution) {
}
