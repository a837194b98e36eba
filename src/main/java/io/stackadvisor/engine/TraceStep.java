package io.stackadvisor.engine;

import java.util.Map;

/** One rule firing: which rule, in which phase, the values that matched and what it contributed. */
public record TraceStep(int step, RuleDescriptor rule, Map<String, Object> matched, Map<String, Object> effect) {
}
