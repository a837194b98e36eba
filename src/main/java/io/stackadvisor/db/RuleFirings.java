package io.stackadvisor.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each rule fired, per UTC day and ruleset version, for the whole fleet (table
 * rule_firing_daily). The audit writer adds a batch's firings inside its own transaction; the rules
 * API and page read a window of days. Every instance on the database reads the same numbers. Counting
 * started with the table (migration V8): evaluations recorded before it are not counted.
 */
@ApplicationScoped
public class RuleFirings {
    /** One (day, version, rule) count: fired that many times that day, the last time at lastFired. */
    public record Tally(LocalDate day, String version, String rule, long fired, Instant lastFired) {
    }

    /** A rule's firings summed over a window (all versions). */
    public record Count(long fired, Instant lastFired) {
        public static final Count NEVER = new Count(0, null);
    }

    private static final String H2_UPSERT = "MERGE INTO rule_firing_daily t USING (VALUES (CAST(? AS DATE), "
            + "CAST(? AS VARCHAR(80)), CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
            + "s (fired_on, ruleset_version, rule, fired, last_fired) "
            + "ON t.fired_on = s.fired_on AND t.ruleset_version = s.ruleset_version AND t.rule = s.rule "
            + "WHEN MATCHED THEN UPDATE SET fired = t.fired + s.fired, last_fired = GREATEST(t.last_fired, s.last_fired) "
            + "WHEN NOT MATCHED THEN INSERT (fired_on, ruleset_version, rule, fired, last_fired) "
            + "VALUES (s.fired_on, s.ruleset_version, s.rule, s.fired, s.last_fired)";
    private static final String POSTGRES_UPSERT = "INSERT INTO rule_firing_daily (fired_on, ruleset_version, rule, fired, "
            + "last_fired) VALUES (?, ?, ?, ?, ?) ON CONFLICT (fired_on, ruleset_version, rule) DO UPDATE SET "
            + "fired = rule_firing_daily.fired + EXCLUDED.fired, "
            + "last_fired = GREATEST(rule_firing_daily.last_fired, EXCLUDED.last_fired)";

    private final Database database;

    public RuleFirings(Database database) {
        this.database = database;
    }

    /**
     * Adds the tallies (one per day, version and rule) in the caller's transaction. Rows are updated
     * in key order, so two instances committing at once wait for each other instead of deadlocking.
     */
    public void add(Connection connection, Collection<Tally> tallies) throws SQLException {
        if (tallies.isEmpty()) return;
        List<Tally> ordered = tallies.stream().sorted(Comparator.comparing(Tally::day).thenComparing(Tally::version)
                .thenComparing(Tally::rule)).toList();
        try (PreparedStatement upsert = connection.prepareStatement(database.isPostgres() ? POSTGRES_UPSERT : H2_UPSERT)) {
            for (Tally tally : ordered) {
                upsert.setObject(1, tally.day());
                upsert.setString(2, tally.version());
                upsert.setString(3, tally.rule());
                upsert.setLong(4, tally.fired());
                upsert.setTimestamp(5, Timestamp.from(tally.lastFired()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The longest rule name a row keeps; longer names are cut (on writing and reading alike). */
    public static final int RULE_LENGTH = 255;

    /** A rule's name as rows are keyed: an over-long DRL name must not make its evaluations unrecordable. */
    public static String ruleKey(String rule) {
        return rule.length() <= RULE_LENGTH ? rule : rule.substring(0, RULE_LENGTH);
    }

    /** The UTC day of an instant, as rows are keyed. */
    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Each rule's firings (by {@link #ruleKey}) from the start of day {@code from} (UTC) until now, summed over versions. */
    public Map<String, Count> since(LocalDate from) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT rule, SUM(fired), MAX(last_fired) "
                     + "FROM rule_firing_daily WHERE fired_on >= ? GROUP BY rule")) {
            select.setObject(1, from);
            Map<String, Count> counts = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new Count(rows.getLong(2), rows.getTimestamp(3).toInstant()));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("rule firing counts cannot be read", e);
        }
    }
}
