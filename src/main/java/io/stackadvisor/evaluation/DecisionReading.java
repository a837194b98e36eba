package io.stackadvisor.evaluation;

import io.stackadvisor.audit.EvaluationRecord;
import io.stackadvisor.audit.EvaluationRecord.Step;
import io.stackadvisor.engine.Phase;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.RulesetTexts;
import io.stackadvisor.engine.facts.Outcome;
import io.stackadvisor.engine.facts.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the summary and the architecture read from a record's steps: each claim's final side, weight
 * and anchor mark (after any adjustment), the points each topic counted for a side, flags and advice.
 * Derived, never stored: the steps are what decided.
 */
record DecisionReading(Outcome verdict, String confidence, int nodeScore, int pythonScore,
                       Map<String, ClaimState> evidence, List<Counted> counted, List<String> flags, List<String> advice) {

    /** A claim that held, as it finally counted. */
    record ClaimState(Side side, int weight, boolean anchor) {
    }

    /** The claim whose weight counted for a side in one topic. */
    record Counted(Side side, int points, String claim) {
    }

    static DecisionReading of(EvaluationRecord record, RulesetTexts texts) {
        Map<String, ClaimState> evidence = new LinkedHashMap<>();
        List<Counted> counted = new ArrayList<>();
        for (Step step : record.steps()) {
            Map<String, Object> effect = step.effect();
            if (effect == null) continue;
            RuleDescriptor rule = texts.rule(step.rule());
            if (effect.containsKey("family")) {
                counted.add(new Counted(side(effect), number(effect.get("points")), String.valueOf(effect.get("countedClaim"))));
            } else if (effect.containsKey("demoted")) {
                evidence.put(String.valueOf(effect.get("demoted")), state(effect));
            } else if (rule != null && rule.phase() == Phase.EVIDENCE && rule.encodesClaim() && effect.containsKey("weight")) {
                evidence.put(rule.claim(), state(effect));
            }
        }
        return new DecisionReading(Outcome.valueOf(record.verdict()), record.confidence(), record.nodeScore(),
                record.pythonScore(), evidence, counted, record.flags(), record.advice());
    }

    boolean holds(String claim) {
        return evidence.containsKey(claim);
    }

    List<String> anchors(Side side) {
        return evidence.entrySet().stream().filter(e -> e.getValue().side() == side && e.getValue().anchor())
                .map(Map.Entry::getKey).toList();
    }

    int score(Side side) {
        return side == Side.NODEJS ? nodeScore : pythonScore;
    }

    private static ClaimState state(Map<String, Object> effect) {
        return new ClaimState(side(effect), number(effect.get("weight")), Boolean.TRUE.equals(effect.get("anchor")));
    }

    private static Side side(Map<String, Object> effect) {
        return Side.valueOf(String.valueOf(effect.get("side")));
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
