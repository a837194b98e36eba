package io.stackadvisor.audit;

import io.stackadvisor.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small number each ruleset version string ({@code sha256:…}) has in the audit log (table
 * evaluation_version, migration V9): an evaluation row and its version index keep the number, and
 * every read joins it back to the string, so the API's {@code rulesetVersion} is unchanged. A version
 * gets its number the first time a record names it, in a transaction of its own; numbers never change,
 * so each instance remembers the ones it has seen. Two instances numbering the same new version at
 * once: one insert wins (the column is unique), the other reads the winner's number.
 */
@ApplicationScoped
public class VersionIds {
    private final Database database;
    private final Map<String, Integer> known = new ConcurrentHashMap<>();
    private final Map<Integer, String> names = new ConcurrentHashMap<>();

    public VersionIds(Database database) {
        this.database = database;
    }

    /** The version's number, given one now if no record named it before. */
    int idOf(String version) throws SQLException {
        Integer id = known.get(version);
        if (id != null) return id;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            Integer found = select(connection, version);
            if (found == null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO evaluation_version (version) VALUES (?)")) {
                    insert.setString(1, version);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (select(connection, version) == null) throw e; // not a lost race: a real failure
                }
                found = select(connection, version);
                if (found == null) throw new SQLException("the version " + version + " has no number after it was given one");
            }
            remember(version, found);
            return found;
        }
    }

    /** The number of a version some record names, or null if none does (nothing is numbered). */
    Integer find(String version) throws SQLException {
        Integer id = known.get(version);
        if (id != null) return id;
        try (Connection connection = database.dataSource().getConnection()) {
            Integer found = select(connection, version);
            if (found != null) remember(version, found);
            return found;
        }
    }

    /** The version string a number stands for. */
    String versionOf(int id) throws SQLException {
        String version = names.get(id);
        if (version != null) return version;
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version FROM evaluation_version WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) throw new SQLException("no ruleset version has the number " + id);
                remember(row.getString(1), id);
                return row.getString(1);
            }
        }
    }

    private void remember(String version, int id) {
        known.put(version, id);
        names.put(id, version);
    }

    private static Integer select(Connection connection, String version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM evaluation_version WHERE version = ?")) {
            select.setString(1, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }
}
