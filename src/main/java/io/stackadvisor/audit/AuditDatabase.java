package io.stackadvisor.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit log's database: the embedded H2 file by default, PostgreSQL with the "postgresql"
 * profile. Both datasources are in the jar; configuration activates exactly one.
 */
@ApplicationScoped
public class AuditDatabase {
    private final String name;
    private volatile AgroalDataSource dataSource;

    public AuditDatabase(@ConfigProperty(name = "stack-advisor.db", defaultValue = "h2") String name) {
        this.name = name;
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
