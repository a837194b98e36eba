package io.stackadvisor.audit;

import io.stackadvisor.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** Writes evaluation records, with their claim index rows, in one transaction. */
@ApplicationScoped
public class AuditBatchWriter {
    private final Database database;

    public AuditBatchWriter(Database database) {
        this.database = database;
    }

    public void write(List<EvaluationRecord> records) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, records);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void insert(Connection connection, List<EvaluationRecord> records) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO evaluation (id, evaluated_at, "
                + "ruleset_version, verdict, confidence, node_score, python_score, profile_name, document) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EvaluationRecord record : records) {
                statement.setObject(1, record.id());
                statement.setTimestamp(2, Timestamp.from(record.evaluatedAt()));
                statement.setString(3, record.rulesetVersion());
                statement.setString(4, record.verdict());
                statement.setString(5, record.confidence());
                statement.setInt(6, record.nodeScore());
                statement.setInt(7, record.pythonScore());
                statement.setString(8, record.profileName());
                // Streamed, not setString: H2 would hash and cache every document as a string.
                statement.setCharacterStream(9, new InputStreamReader(new ByteArrayInputStream(record.document()),
                        StandardCharsets.UTF_8), record.document().length);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO evaluation_claim (claim_id, evaluated_at, evaluation_id) VALUES (?, ?, ?)")) {
            for (EvaluationRecord record : records) {
                Timestamp at = Timestamp.from(record.evaluatedAt());
                for (String claim : record.claimsFired()) {
                    statement.setString(1, claim);
                    statement.setTimestamp(2, at);
                    statement.setObject(3, record.id());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }
}
