package io.stackadvisor.audit;

import io.stackadvisor.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Searches the audit log: the SQL of a query, on each database's own index of claims, and its summary rows. */
final class EvaluationSearch {
    static final String COLUMNS =
            "e.id, e.evaluated_at, e.profile_name, e.verdict, e.confidence, e.node_score, e.python_score, e.version_id";

    private final Database database;
    private final VersionIds versions;

    EvaluationSearch(Database database, VersionIds versions) {
        this.database = database;
        this.versions = versions;
    }

    /** One page, newest first; the page holds at most {@code query.limit()} rows. */
    List<EvaluationSummary> search(EvaluationQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        String time;
        String id;
        if (query.claim() != null && !database.isPostgres()) {
            // H2: walk the claim rows' index newest first and join each hit to its evaluation.
            sql.append(" FROM evaluation_claim c JOIN evaluation e ON e.id = c.evaluation_id WHERE c.claim_id = ?");
            params.add(query.claim());
            time = "c.evaluated_at";
            id = "c.evaluation_id";
        } else if (query.claim() != null) {
            // PostgreSQL: the claims array and its GIN index.
            sql.append(" FROM evaluation e WHERE e.claims @> ARRAY[CAST(? AS TEXT)]");
            params.add(query.claim());
            time = "e.evaluated_at";
            id = "e.id";
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
            Integer versionId = versionId(query.rulesetVersion());
            if (versionId == null) return List.of(); // no record names that version
            sql.append(" AND e.version_id = ?");
            params.add(versionId);
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
                while (rows.next()) page.add(summary(rows));
            }
            return page;
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be searched", e);
        }
    }

    /** The summary in a row that starts with {@link #COLUMNS}. */
    EvaluationSummary summary(ResultSet rows) throws SQLException {
        return new EvaluationSummary(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant(),
                rows.getString(3), rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(7),
                versions.versionOf(rows.getInt(8)));
    }

    private Integer versionId(String version) {
        try {
            return versions.find(version);
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be searched", e);
        }
    }
}
