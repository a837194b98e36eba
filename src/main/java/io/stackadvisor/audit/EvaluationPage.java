package io.stackadvisor.audit;

import java.util.List;

/** One page of the audit log, newest first; {@code next} is the cursor of the following page, if any. */
public record EvaluationPage(List<EvaluationSummary> items, String next) {
}
