package io.stackadvisor.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Writes evaluation records in one transaction: the searchable columns and the compact record. The
 * claims that fired are an indexed array on PostgreSQL and one row per claim on H2.
 */
@ApplicationScoped
public class AuditBatchWriter {
    private final Database database;
    private final RecordCodec codec;

    public AuditBatchWriter(Database database, ObjectMapper json) {
        this.database = database;
        this.codec = new RecordCodec(json);
    }

    /** The stored form of a record's decision, as {@link #write} stores it. */
    public byte[] encode(EvaluationRecord record) {
        return codec.encode(record);
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

    private void insert(Connection connection, List<EvaluationRecord> records) throws SQLException {
        boolean postgres = database.isPostgres();
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO evaluation (id, evaluated_at, "
                + "ruleset_version, verdict, confidence, node_score, python_score, profile_name, record, digest"
                + (postgres ? ", claims" : "") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (postgres ? ", ?" : "") + ")")) {
            for (EvaluationRecord record : records) {
                statement.setObject(1, record.id());
                statement.setTimestamp(2, Timestamp.from(record.evaluatedAt()));
                statement.setString(3, record.rulesetVersion());
                statement.setString(4, record.verdict());
                statement.setString(5, record.confidence());
                statement.setInt(6, record.nodeScore());
                statement.setInt(7, record.pythonScore());
                statement.setString(8, record.profileName());
                statement.setBytes(9, codec.encode(record));
                statement.setBytes(10, record.digest());
                if (postgres) {
                    Array claims = connection.createArrayOf("text", record.claimsFired().toArray(new String[0]));
                    statement.setArray(11, claims);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
        if (!postgres) insertClaimRows(connection, records);
    }

    private static void insertClaimRows(Connection connection, List<EvaluationRecord> records) throws SQLException {
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
