package io.stackadvisor.ui;

import static io.stackadvisor.ui.VerdictSeries.LEGEND;
import static io.stackadvisor.ui.VerdictSeries.columns;
import static io.stackadvisor.ui.VerdictSeries.row;
import static io.stackadvisor.ui.VerdictSeries.segments;
import static io.stackadvisor.ui.VerdictSeries.words;

import io.stackadvisor.audit.AuditStatistics;
import io.stackadvisor.audit.AuditStatistics.Promotion;
import io.stackadvisor.audit.AuditStatistics.VerdictCounts;
import io.stackadvisor.audit.AuditStatistics.VersionVerdicts;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.ruleset.RuleReport;
import io.stackadvisor.ruleset.RuleReport.RuleView;
import io.stackadvisor.ui.SvgCharts.Bar;
import io.stackadvisor.ui.SvgCharts.Segment;
import io.stackadvisor.whatif.ShadowCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The managers' dashboard: what the service answered, day by day and per version of the rules, which
 * reasons it gives most and least, and how answers changed around each change of the rules. Built
 * from the shared audit log, so every instance shows the same page.
 */
@ApplicationScoped
public class Dashboard {
    static final int DAYS = 30;
    static final int PROMOTIONS = 6;
    static final int CLAIMS = 8;

    /** One chart: its heading, a sentence, the SVG, and the same numbers as a table. */
    public record Chart(String id, String title, String intro, String svg, List<String> columns, List<List<String>> rows) {
    }

    /** A reason (claim) and how often it was given in the window. */
    public record Reason(String claim, String statement, long fired) {
    }

    /** The page's content. */
    public record View(int days, LocalDate since, long evaluations, List<Chart> charts, List<Reason> leastUsed) {
    }

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final AuditStatistics statistics;
    private final RuleReport rules;
    private final ShadowRunsChart shadowRuns;

    public Dashboard(AuditStatistics statistics, RuleReport rules, ShadowCounts shadows) {
        this.statistics = statistics;
        this.rules = rules;
        this.shadowRuns = new ShadowRunsChart(shadows);
    }

    public View build(Ruleset live) {
        LocalDate since = rules.windowStart(DAYS);
        LocalDate today = since.plusDays(DAYS - 1L);
        List<Chart> charts = new ArrayList<>();
        Map<LocalDate, VerdictCounts> perDay = statistics.verdictsPerDay(since, today);
        charts.add(perDay(perDay));
        charts.add(perVersion(statistics.verdictsPerVersion()));
        List<Reason> reasons = reasons(live);
        charts.add(mostUsed(reasons));
        charts.add(promotions(statistics.promotions(PROMOTIONS)));
        charts.addAll(shadowRuns.recent(PROMOTIONS));
        List<Reason> least = reasons.stream().sorted(Comparator.comparingLong(Reason::fired)
                .thenComparing(Reason::claim)).limit(CLAIMS).toList();
        long evaluations = perDay.values().stream().mapToLong(VerdictCounts::total).sum();
        return new View(DAYS, since, evaluations, charts, least);
    }

    private static Chart perDay(Map<LocalDate, VerdictCounts> perDay) {
        List<Bar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        perDay.forEach((day, counts) -> {
            bars.add(new Bar(DAY.format(day), segments(counts)));
            if (counts.total() > 0) rows.add(row(day.toString(), counts));
        });
        long total = perDay.values().stream().mapToLong(VerdictCounts::total).sum();
        String title = "Answers per day, last " + DAYS + " days";
        String description = total + " evaluations in the last " + DAYS + " days (UTC days), each day's bar split by "
                + "the recommended stack: " + words(perDay.values().stream().reduce(new VerdictCounts(Map.of()), VerdictSeries::plus)) + ".";
        return new Chart("per-day", title, "How many projects were evaluated each day, and what the service recommended.",
                SvgCharts.columns("per-day-chart", title, description, bars, LEGEND, 7), columns("Day"), rows);
    }

    private static Chart perVersion(List<VersionVerdicts> versions) {
        List<Bar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (VersionVerdicts v : versions) {
            String label = versionLabel(v.version(), v.storedAt()) + " · " + v.verdicts().total() + " evaluations";
            bars.add(new Bar(label, segments(v.verdicts())));
            rows.add(row(versionLabel(v.version(), v.storedAt()), v.verdicts()));
        }
        String title = "The mix of answers for each version of the rules";
        String description = versions.isEmpty() ? "No evaluations yet." : versions.size() + " versions of the rules, "
                + "oldest first; each bar is one version's answers as shares of 100%.";
        return new Chart("per-version", title, "Each time the rules are changed a new version is stored. A bar shows "
                + "what share of its answers went to each stack.",
                SvgCharts.rows("per-version-chart", title, description, bars, LEGEND, true), columns("Version of the rules"), rows);
    }

    private List<Reason> reasons(Ruleset live) {
        Map<String, Long> byClaim = new LinkedHashMap<>();
        for (RuleView rule : rules.rules(null, null, null, DAYS)) {
            if (rule.claim() != null) byClaim.merge(rule.claim(), rule.fired(), Long::sum);
        }
        List<Reason> reasons = new ArrayList<>();
        byClaim.forEach((claim, fired) -> reasons.add(new Reason(claim,
                live.catalogue().claim(claim).map(Claim::statement).orElse(claim), fired)));
        return reasons;
    }

    private static Chart mostUsed(List<Reason> reasons) {
        List<Reason> most = reasons.stream().filter(r -> r.fired() > 0)
                .sorted(Comparator.comparingLong(Reason::fired).reversed().thenComparing(Reason::claim)).limit(CLAIMS).toList();
        List<Bar> bars = most.stream().map(r -> new Bar(shorten(r.statement()) + " (" + r.claim() + ")",
                List.of(new Segment("times given", r.fired(), "#1f4fb5")))).toList();
        List<List<String>> rows = most.stream().map(r -> List.of(r.statement(), r.claim(), String.valueOf(r.fired()))).toList();
        String title = "The reasons given most often, last " + DAYS + " days";
        String description = most.isEmpty() ? "No reasons were given in the last " + DAYS + " days."
                : "The " + most.size() + " reasons from the articles that the service gave most often; the most "
                + "frequent was given " + most.get(0).fired() + " times.";
        return new Chart("most-used", title, "Each answer is built from reasons taken from the published articles. "
                + "These came up most often.", SvgCharts.rows("most-used-chart", title, description, bars, List.of(), false),
                List.of("Reason", "Reference", "Times given"), rows);
    }

    private static Chart promotions(List<Promotion> promotions) {
        List<Bar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Promotion p : promotions) {
            String when = MINUTE.format(p.promotedAt());
            bars.add(new Bar("Week before the change of " + when, segments(p.weekBefore())));
            bars.add(new Bar("Week after (" + versionLabel(p.version(), p.storedAt()) + ")", segments(p.weekAfter())));
            rows.add(row(when + ", week before", p.weekBefore()));
            rows.add(row(when + ", week after", p.weekAfter()));
        }
        String title = "Answers in the week before and after each change of the rules";
        String description = promotions.isEmpty() ? "The rules have not been changed yet."
                : promotions.size() + " changes of the rules, oldest first; for each, the mix of answers in the "
                + "week before it and in the week after it, as shares of 100%.";
        return new Chart("changes", title, "When a new version of the rules goes live for every instance, did the "
                + "answers shift?", SvgCharts.rows("changes-chart", title, description, bars, LEGEND, true),
                columns("Change of the rules (UTC)"), rows);
    }

    static String versionLabel(String version, Instant storedAt) {
        String prefix = version.startsWith("sha256:") ? version.substring(7, Math.min(version.length(), 15)) : version;
        return storedAt == null ? "version " + prefix : "version stored " + MINUTE.format(storedAt);
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87).strip() + "…";
    }
}
