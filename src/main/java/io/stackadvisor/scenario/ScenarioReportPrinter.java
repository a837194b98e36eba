package io.stackadvisor.scenario;

/** The scenario and coverage report as plain text for a terminal or a build log. */
public final class ScenarioReportPrinter {
    private ScenarioReportPrinter() {
    }

    public static String print(ScenarioReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Scenarios against ruleset ").append(report.rulesetVersion()).append('\n');
        for (ScenarioResult r : report.results()) {
            out.append(r.passed() ? "  PASS " : "  FAIL ").append(r.scenario().file())
                    .append(" - ").append(r.scenario().title());
            if (r.verdict() != null) out.append(" -> ").append(r.verdict()).append(" (").append(r.confidence()).append(')');
            out.append('\n');
            for (String failure : r.failures()) out.append("         ").append(failure).append('\n');
        }
        long passed = report.results().stream().filter(ScenarioResult::passed).count();
        out.append(passed).append(" passed, ").append(report.results().size() - passed).append(" failed\n\n");
        out.append("Coverage (rule: scenarios where it fired / where it was required not to fire)\n");
        for (RuleCoverage c : report.coverage()) {
            out.append(c.covered() ? "  ok   " : "  GAP  ").append(c.file()).append(':').append(c.line())
                    .append(" \"").append(c.rule()).append("\": ").append(c.firedIn().size()).append(" / ")
                    .append(c.forbiddenIn().size()).append('\n');
        }
        long covered = report.coverage().stream().filter(RuleCoverage::covered).count();
        out.append(covered).append(" of ").append(report.coverage().size()).append(" rules covered both ways; never fired: ")
                .append(report.neverFired().size()).append('\n');
        return out.toString();
    }
}
