package io.stackadvisor.knowledge;

import java.util.List;

/** Where the seeds disagree and how the rules resolve it (rules/catalogue/conflicts.json). */
public record Conflict(String id, String title, String type, List<String> claims, String encode,
                       String flagOnly, String resolution) {
}
