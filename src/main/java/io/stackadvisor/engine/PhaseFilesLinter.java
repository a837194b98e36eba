package io.stackadvisor.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks that every rule sits in the file of its phase: evidence/*.drl, decision/N-phase.drl. */
final class PhaseFilesLinter {
    static final String EVIDENCE_DIR = "evidence/";
    static final String DECISION_DIR = "decision/";
    private static final Pattern DECISION_FILE = Pattern.compile("(\\d+)-([a-z]+)\\.drl");

    private PhaseFilesLinter() {
    }

    /**
     * Evidence rules live in evidence/; every other phase has one file, decision/N-phase.drl, N being
     * the phase's position in the order the phases run (evidence 1 ... confidence 9).
     */
    static void check(Collection<RuleDescriptor> rules, Set<String> files, List<RuleProblem> problems) {
        Map<String, Integer> firstLine = new HashMap<>();
        for (RuleDescriptor rule : rules) firstLine.merge(rule.file(), rule.line(), Math::min);
        Map<String, Phase> phaseOfFile = new HashMap<>();
        for (String file : files) {
            if (!file.endsWith(".drl")) continue;
            int line = firstLine.getOrDefault(file, 1);
            if (file.startsWith(EVIDENCE_DIR)) {
                phaseOfFile.put(file, Phase.EVIDENCE);
            } else if (file.startsWith(DECISION_DIR)) {
                Matcher name = DECISION_FILE.matcher(file.substring(DECISION_DIR.length()));
                Phase phase = name.matches() ? Phase.ofGroup(name.group(2)).orElse(null) : null;
                if (phase == null) {
                    problems.add(new RuleProblem(file, line, "a decision file is named after the one phase it holds, "
                            + "N-phase.drl with N the phase's position: " + decisionFiles()));
                } else if (phase == Phase.EVIDENCE) {
                    problems.add(new RuleProblem(file, line, "evidence rules belong in " + EVIDENCE_DIR + "<topic>.drl"));
                } else if (Integer.parseInt(name.group(1)) != position(phase)) {
                    problems.add(new RuleProblem(file, line, phase.group() + " is phase " + position(phase)
                            + " of " + Phase.values().length + ": name the file " + fileOf(phase)));
                } else {
                    phaseOfFile.put(file, phase);
                }
            } else {
                problems.add(new RuleProblem(file, line, "DRL belongs in " + EVIDENCE_DIR + " (evidence rules) or "
                        + DECISION_DIR + " (" + decisionFiles() + ")"));
            }
        }
        for (RuleDescriptor rule : rules) {
            Phase expected = phaseOfFile.get(rule.file());
            if (expected == null || rule.phase() == null || rule.phase() == expected) continue;
            String holds = expected == Phase.EVIDENCE ? EVIDENCE_DIR + " holds evidence rules only"
                    : rule.file() + " holds " + expected.group() + " rules only";
            problems.add(RulesetLinter.at(rule, "is in phase " + rule.phase().group() + ", but " + holds + ": move it to " + fileOf(rule.phase())));
        }
    }

    private static int position(Phase phase) {
        return phase.ordinal() + 1;
    }

    private static String fileOf(Phase phase) {
        return phase == Phase.EVIDENCE ? EVIDENCE_DIR + "<topic>.drl" : DECISION_DIR + position(phase) + "-" + phase.group() + ".drl";
    }

    private static String decisionFiles() {
        return Arrays.stream(Phase.values()).filter(p -> p != Phase.EVIDENCE).map(p -> position(p) + "-" + p.group() + ".drl")
                .collect(Collectors.joining(", "));
    }
}
