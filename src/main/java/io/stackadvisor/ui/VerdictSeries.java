package io.stackadvisor.ui;

import io.stackadvisor.audit.AuditStatistics.VerdictCounts;
import io.stackadvisor.ui.SvgCharts.Key;
import io.stackadvisor.ui.SvgCharts.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four answers as the dashboard shows them: in the same order, words and colour in every chart,
 * and as the same columns in every table.
 */
final class VerdictSeries {
    private record Verdict(String code, String words, String colour) {
    }

    private static final List<Verdict> VERDICTS = List.of(new Verdict("NODEJS", "Node.js", "#2f6f3e"),
            new Verdict("PYTHON", "Python", "#2b5597"), new Verdict("HYBRID", "Both (hybrid)", "#7a3e9d"),
            new Verdict("UNDETERMINED", "No clear answer", "#6b7280"));
    static final List<Key> LEGEND = VERDICTS.stream().map(v -> new Key(v.words(), v.colour())).toList();

    private VerdictSeries() {
    }

    static String words(String verdict) {
        return VERDICTS.stream().filter(v -> v.code().equals(verdict)).map(Verdict::words).findFirst().orElse(verdict);
    }

    static List<Segment> segments(VerdictCounts counts) {
        return VERDICTS.stream().map(v -> new Segment(v.words(), counts.of(v.code()), v.colour())).toList();
    }

    static List<String> columns(String first) {
        List<String> columns = new ArrayList<>(List.of(first));
        VERDICTS.forEach(v -> columns.add(v.words()));
        columns.add("Total");
        return columns;
    }

    static List<String> row(String first, VerdictCounts counts) {
        List<String> row = new ArrayList<>(List.of(first));
        VERDICTS.forEach(v -> row.add(String.valueOf(counts.of(v.code()))));
        row.add(String.valueOf(counts.total()));
        return row;
    }

    static VerdictCounts plus(VerdictCounts a, VerdictCounts b) {
        Map<String, Long> sum = new LinkedHashMap<>(a.counts());
        b.counts().forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new VerdictCounts(sum);
    }

    static String words(VerdictCounts counts) {
        List<String> parts = new ArrayList<>();
        for (Verdict v : VERDICTS) parts.add(v.words() + " " + counts.of(v.code()));
        return String.join(", ", parts);
    }
}
