package io.stackadvisor.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that cannot become a live ruleset, with every problem found (file and line). */
public class RulesetException extends Exception {
    private final List<RuleProblem> problems;

    public RulesetException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
