package io.stackadvisor.audit;

import io.stackadvisor.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verdict counts from the audit log for the dashboard: per UTC day, per ruleset version, and around
 * each promotion of a version for the fleet. Everything is counted by the database (GROUP BY), never by
 * loading records.
 */
@ApplicationScoped
public class AuditStatistics {
    /** How many evaluations ended in each verdict (verdicts that did not occur are absent). */
    public record VerdictCounts(Map<String, Long> counts) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(String verdict) {
            return counts.getOrDefault(verdict, 0L);
        }
    }

    /** One ruleset version's verdicts; storedAt is null for versions recorded before versions were stored. */
    public record VersionVerdicts(String version, Instant storedAt, VerdictCounts verdicts) {
    }

    /** One promotion of a version for the whole fleet, with the verdicts in the week before and after it. */
    public record Promotion(String version, Instant storedAt, Instant promotedAt, String promotedBy,
                            VerdictCounts weekBefore, VerdictCounts weekAfter) {
    }

    private final Database database;

    public AuditStatistics(Database database) {
        this.database = database;
    }

    /** Verdicts per UTC day from the start of {@code from} until now; every day present, oldest first. */
    public Map<LocalDate, VerdictCounts> verdictsPerDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.put(d, new LinkedHashMap<>());
        String sql = "SELECT CAST(evaluated_at AT TIME ZONE 'UTC' AS DATE), verdict, COUNT(*) FROM evaluation "
                + "WHERE evaluated_at >= ? GROUP BY CAST(evaluated_at AT TIME ZONE 'UTC' AS DATE), verdict";
        query(sql, s -> s.setTimestamp(1, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant())), row -> {
            LocalDate day = row.getObject(1, LocalDate.class);
            Map<String, Long> counts = days.get(day);
            if (counts != null) counts.put(row.getString(2), row.getLong(3));
        });
        Map<LocalDate, VerdictCounts> result = new LinkedHashMap<>();
        days.forEach((day, counts) -> result.put(day, new VerdictCounts(counts)));
        return result;
    }

    /** Verdicts per ruleset version, oldest stored version first (versions never stored come first). */
    public List<VersionVerdicts> verdictsPerVersion() {
        Map<String, Map<String, Long>> versions = new LinkedHashMap<>();
        Map<String, Instant> stored = new LinkedHashMap<>();
        query("SELECT v.version, c.verdict, c.n FROM (SELECT version_id, verdict, COUNT(*) AS n FROM evaluation "
                + "GROUP BY version_id, verdict) c JOIN evaluation_version v ON v.id = c.version_id",
                s -> { }, row -> versions.computeIfAbsent(row.getString(1), v -> new LinkedHashMap<>())
                        .put(row.getString(2), row.getLong(3)));
        query("SELECT version, stored_at FROM ruleset_version", s -> { },
                row -> stored.put(row.getString(1), row.getTimestamp(2).toInstant()));
        List<VersionVerdicts> result = new ArrayList<>();
        versions.forEach((version, counts) -> result.add(new VersionVerdicts(version, stored.get(version),
                new VerdictCounts(counts))));
        result.sort((a, b) -> a.storedAt() == null ? (b.storedAt() == null ? a.version().compareTo(b.version()) : -1)
                : b.storedAt() == null ? 1 : a.storedAt().compareTo(b.storedAt()));
        return result;
    }

    /** The newest {@code limit} promotions, oldest first, each with the verdicts of the week before and after. */
    public List<Promotion> promotions(int limit) {
        List<Promotion> bare = new ArrayList<>();
        query("SELECT p.version, v.stored_at, p.promoted_at, p.promoted_by FROM ruleset_promotion p "
                + "LEFT JOIN ruleset_version v ON v.version = p.version ORDER BY p.id DESC FETCH FIRST " + limit + " ROWS ONLY",
                s -> { }, row -> bare.add(new Promotion(row.getString(1),
                        row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3).toInstant(), row.getString(4), null, null)));
        List<Promotion> result = new ArrayList<>();
        for (int i = bare.size() - 1; i >= 0; i--) {
            Promotion p = bare.get(i);
            Duration week = Duration.ofDays(7);
            result.add(new Promotion(p.version(), p.storedAt(), p.promotedAt(), p.promotedBy(),
                    verdictsBetween(p.promotedAt().minus(week), p.promotedAt()),
                    verdictsBetween(p.promotedAt(), p.promotedAt().plus(week))));
        }
        return result;
    }

    private VerdictCounts verdictsBetween(Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        query("SELECT verdict, COUNT(*) FROM evaluation WHERE evaluated_at >= ? AND evaluated_at < ? GROUP BY verdict", s -> {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
        }, row -> counts.put(row.getString(1), row.getLong(2)));
        return new VerdictCounts(counts);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) reader.read(rows);
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be read", e);
        }
    }
}
