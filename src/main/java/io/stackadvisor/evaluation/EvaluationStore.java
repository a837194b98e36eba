package io.stackadvisor.evaluation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** The audit log over JDBC: one transaction per evaluation, committed before the answer leaves. */
@ApplicationScoped
public class EvaluationStore {
    private final AgroalDataSource dataSource;

    public EvaluationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(EvaluationRecord record) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, record);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("the evaluation could not be recorded", e);
        }
    }

    private static void insert(Connection connection, EvaluationRecord record) throws SQLException {
        Timestamp at = Timestamp.from(record.evaluatedAt());
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO evaluation "
                + "(id, evaluated_at, ruleset_version, verdict, confidence, profile_name, document) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, record.id());
            statement.setTimestamp(2, at);
            statement.setString(3, record.rulesetVersion());
            statement.setString(4, record.verdict());
            statement.setString(5, record.confidence());
            statement.setString(6, record.profileName());
            statement.setString(7, record.document());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO evaluation_claim (claim_id, evaluated_at, evaluation_id) VALUES (?, ?, ?)")) {
            for (String claim : record.claimsFired()) {
                statement.setString(1, claim);
                statement.setTimestamp(2, at);
                statement.setObject(3, record.id());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public Optional<String> document(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT document FROM evaluation WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be read", e);
        }
    }
}
