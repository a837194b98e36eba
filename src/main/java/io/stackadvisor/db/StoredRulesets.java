package io.stackadvisor.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ruleset versions that passed their gate, stored once under their content hash (sha256:…): the
 * rules folder as a zip archive and the gate's report (JSON). Shared by every instance on the
 * database. Storing a version twice is harmless: the first copy stays. Table ruleset_promotion says
 * which stored version is live for the whole fleet (its newest row); every promotion is kept.
 */
@ApplicationScoped
public class StoredRulesets {
    private final Database database;

    public StoredRulesets(Database database) {
        this.database = database;
    }

    public record StoredVersion(String version, Instant storedAt, byte[] archive, String gateReport) {
    }

    /** Stores a version that passed its gate, unless it is stored already; true if this call stored it. */
    public boolean store(String version, Instant at, byte[] archive, String gateReport) {
        try (Connection connection = database.dataSource().getConnection()) {
            if (exists(connection, version)) return false;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ruleset_version (version, stored_at, archive, gate_report) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, version);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setBytes(3, archive);
                insert.setString(4, gateReport);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                // Another instance stored the same version at the same moment: the content is the same.
                if (exists(connection, version)) return false;
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("stored rulesets cannot be written", e);
        }
    }

    public Optional<StoredVersion> find(String version) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT version, stored_at, archive, gate_report FROM ruleset_version WHERE version = ?")) {
            select.setString(1, version);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) return Optional.empty();
                return Optional.of(new StoredVersion(row.getString(1), row.getTimestamp(2).toInstant(), row.getBytes(3),
                        row.getString(4)));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("stored rulesets cannot be read", e);
        }
    }

    public boolean contains(String version) {
        try (Connection connection = database.dataSource().getConnection()) {
            return exists(connection, version);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("stored rulesets cannot be read", e);
        }
    }

    /** A stored version without its archive, and whether it was ever promoted. */
    public record Listed(String version, Instant storedAt, String gateReport, boolean everPromoted) {
    }

    /** The pointer: the fleet's live version (the newest promotion), empty before the first one. */
    public Optional<String> live() {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT version FROM ruleset_promotion ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the live ruleset pointer cannot be read", e);
        }
    }

    /** Moves the pointer to a stored version (a new newest promotion row). */
    public void promote(String version, Instant at, String by) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ruleset_promotion (version, promoted_at, promoted_by) VALUES (?, ?, ?)")) {
            insert.setString(1, version);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, by.length() > 40 ? by.substring(0, 40) : by);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the live ruleset pointer cannot be moved", e);
        }
    }

    /** Every stored version, newest first, without archives. */
    public List<Listed> list() {
        try (Connection connection = database.dataSource().getConnection()) {
            Set<String> promoted = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT version FROM ruleset_promotion");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) promoted.add(rows.getString(1));
            }
            List<Listed> listed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT version, stored_at, gate_report FROM ruleset_version ORDER BY stored_at DESC, version");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    listed.add(new Listed(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            promoted.contains(rows.getString(1))));
                }
            }
            return listed;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("stored rulesets cannot be read", e);
        }
    }

    private static boolean exists(Connection connection, String version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM ruleset_version WHERE version = ?")) {
            select.setString(1, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
