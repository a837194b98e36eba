package io.stackadvisor.audit;

import io.stackadvisor.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases a migration test writes old rows into: a new in-memory H2, or a new schema of the
 * local PostgreSQL; migrated up to a version, then on to the latest, as the service would.
 */
final class MigrationTestDatabases {
    private MigrationTestDatabases() {
    }

    static DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** The schema dropped and created again, and a data source that works in it. */
    static DataSource postgres(String schema) throws SQLException {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        admin.setUser("postgres");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
        pg.setUser("postgres");
        return pg;
    }

    /** Migrates with the shared and the database's own migrations ({@code own}), up to {@code version}. */
    static void migrateTo(DataSource dataSource, String own, String version) {
        Flyway.configure().dataSource(dataSource).locations("db/migration", own).target(MigrationVersion.fromVersion(version))
                .load().migrate();
    }

    static void migrateToLatest(DataSource dataSource, String own) {
        Flyway.configure().dataSource(dataSource).locations("db/migration", own).load().migrate();
    }

    /** The service's view of that database ("h2" or "postgresql"). */
    static Database database(String kind, DataSource dataSource) {
        return new Database(kind) {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }
        };
    }
}
