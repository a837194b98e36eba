package io.stackadvisor.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's database, shared by the features that store things (the audit log today): the
 * embedded H2 file by default, PostgreSQL with the "postgresql" profile. Both datasources are in the
 * jar; configuration activates exactly one.
 */
@ApplicationScoped
public class Database {
    private final String name;
    private volatile AgroalDataSource dataSource;

    public Database(@ConfigProperty(name = "stack-advisor.db", defaultValue = "h2") String name) {
        this.name = name;
    }

    /** PostgreSQL (else the embedded H2): where the two differ, each gets the form that is fastest on it. */
    public boolean isPostgres() {
        return "postgresql".equals(name);
    }

    public javax.sql.DataSource dataSource() {
        AgroalDataSource ds = dataSource;
        if (ds == null) {
            ds = Arc.container().select(AgroalDataSource.class, new DataSource.DataSourceLiteral(name)).get();
            dataSource = ds;
        }
        return ds;
    }
}
