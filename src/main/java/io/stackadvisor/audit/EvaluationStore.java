package io.stackadvisor.audit;

import io.stackadvisor.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The audit log over JDBC: every evaluation committed before the answer leaves, and searched. */
@ApplicationScoped
public class EvaluationStore {
    private static final String COLUMNS =
            "e.id, e.evaluated_at, e.profile_name, e.verdict, e.confidence, e.node_score, e.python_score, e.ruleset_version";

    private final Database database;
    private final GroupCommit groupCommit;

    public EvaluationStore(Database database, GroupCommit groupCommit) {
        this.database = database;
        this.groupCommit = groupCommit;
    }

    /** Returns once the record is committed (grouped with others waiting at the same moment). */
    public void save(EvaluationRecord record) {
        groupCommit.commit(record);
    }

    public Optional<String> document(UUID id) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT document FROM evaluation WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be read", e);
        }
    }

    /** One page for a caller, newest first, with the cursor of the next page when there is one. */
    public EvaluationPage page(EvaluationQuery query) {
        List<EvaluationSummary> rows = search(query.withAfter(query.after(), query.limit() + 1));
        if (rows.size() <= query.limit()) return new EvaluationPage(rows, null);
        List<EvaluationSummary> items = rows.subList(0, query.limit());
        return new EvaluationPage(items, Cursor.after(items.get(items.size() - 1)).encode());
    }

    /** Every row the query matches, up to its limit, newest first, read page by page as it is iterated. */
    public Iterable<EvaluationSummary> all(EvaluationQuery query) {
        return () -> new Iterator<>() {
            private Iterator<EvaluationSummary> page = java.util.Collections.emptyIterator();
            private Cursor after = query.after();
            private int remaining = query.limit();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted && remaining > 0) {
                    int wanted = Math.min(remaining, EvaluationQuery.MAX_LIMIT);
                    List<EvaluationSummary> rows = search(query.withAfter(after, wanted));
                    exhausted = rows.size() < wanted;
                    if (!rows.isEmpty()) after = Cursor.after(rows.get(rows.size() - 1));
                    page = rows.iterator();
                }
                return page.hasNext();
            }

            @Override
            public EvaluationSummary next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                remaining--;
                return page.next();
            }
        };
    }

    /** One page, newest first; the page holds at most {@code query.limit()} rows. */
    public List<EvaluationSummary> search(EvaluationQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        String time;
        String id;
        if (query.claim() != null) {
            // Walk the claim index newest first and join each hit to its evaluation.
            sql.append(" FROM evaluation_claim c JOIN evaluation e ON e.id = c.evaluation_id WHERE c.claim_id = ?");
            params.add(query.claim());
            time = "c.evaluated_at";
            id = "c.evaluation_id";
        } else {
            sql.append(" FROM evaluation e WHERE 1 = 1");
            time = "e.evaluated_at";
            id = "e.id";
        }
        if (query.verdict() != null) {
            sql.append(" AND e.verdict = ?");
            params.add(query.verdict());
        }
        if (query.rulesetVersion() != null) {
            sql.append(" AND e.ruleset_version = ?");
            params.add(query.rulesetVersion());
        }
        if (query.name() != null) {
            sql.append(" AND e.profile_name = ?");
            params.add(query.name());
        }
        if (query.from() != null) {
            sql.append(" AND ").append(time).append(" >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND ").append(time).append(" < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.after() != null) {
            sql.append(" AND (").append(time).append(", ").append(id).append(") < (?, ?)");
            params.add(Timestamp.from(query.after().evaluatedAt()));
            params.add(query.after().id());
        }
        sql.append(" ORDER BY ").append(time).append(" DESC, ").append(id).append(" DESC LIMIT ?");
        params.add(query.limit());
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) statement.setObject(i + 1, params.get(i));
            List<EvaluationSummary> page = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    page.add(new EvaluationSummary(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(7),
                            rows.getString(8)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be searched", e);
        }
    }
}
