package io.stackadvisor.ui;

import io.stackadvisor.ui.Dashboard.Chart;
import io.stackadvisor.ui.SvgCharts.Bar;
import io.stackadvisor.ui.SvgCharts.Key;
import io.stackadvisor.ui.SvgCharts.Segment;
import io.stackadvisor.whatif.ShadowCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The dashboard's chart of shadow runs, from the counts the shadow runs keep. */
final class ShadowRunsChart {
    private final ShadowCounts shadows;

    ShadowRunsChart(ShadowCounts shadows) {
        this.shadows = shadows;
    }

    /**
     * Trial runs of a new version of the rules on a copy of live traffic (shadow runs): for each, how many
     * answers it would have given differently, and the flip rate.
     */
    List<Chart> recent(int limit) {
        List<ShadowCounts.Run> runs = shadows.recentRuns(limit);
        if (runs.isEmpty()) return List.of();
        List<Bar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (ShadowCounts.Run run : runs) {
            ShadowCounts.Totals totals = shadows.totals(run.version());
            long changed = totals.compared() - totals.agreed();
            String label = "Trial from " + Dashboard.MINUTE.format(run.startedAt()) + (run.running() ? " (running)" : "");
            bars.add(new Bar(label, List.of(new Segment("same answer", totals.agreed(), "#2f6f3e"),
                    new Segment("different answer", changed, "#b45309"))));
            String rate = totals.compared() == 0 ? "—"
                    : String.format(Locale.ROOT, "%.1f%%", 100.0 * changed / totals.compared());
            String flips = totals.flips().stream()
                    .map(f -> VerdictSeries.words(f.from()) + " → " + VerdictSeries.words(f.to()) + ": " + f.count())
                    .reduce((a, b) -> a + "; " + b).orElse("none");
            rows.add(List.of(label, Long.toString(totals.compared()), Long.toString(changed), rate, flips));
        }
        String title = "Trials of new rules on live traffic";
        String description = runs.size() + " trial runs, newest first; each bar splits the projects compared into those "
                + "the new rules would answer the same way and those they would answer differently.";
        return List.of(new Chart("shadow-runs", title, "Before a new version of the rules goes live it can be tried on a "
                + "copy of real requests without changing any answer. The share of different answers is its flip rate.",
                SvgCharts.rows("shadow-runs-chart", title, description, bars,
                        List.of(new Key("same answer", "#2f6f3e"), new Key("different answer", "#b45309")), true),
                List.of("Trial", "Projects compared", "Different answers", "Flip rate", "Changes (from → to)"), rows));
    }
}
