package io.stackadvisor.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** One page of the audit log, newest first; {@code next} is the cursor of the following page, if any. */
@Schema(requiredProperties = {"items", "next"})
public record EvaluationPage(List<EvaluationSummary> items,
                             @Schema(nullable = true, description = "The cursor of the following page; null on the last page")
                             String next) {
}
