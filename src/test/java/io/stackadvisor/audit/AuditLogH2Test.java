package io.stackadvisor.audit;

import io.quarkus.test.junit.QuarkusTest;

/** The audit log on the embedded H2 file database (the default, no configuration). */
@QuarkusTest
class AuditLogH2Test extends AuditLogContract {
    @Override
    String expectedDatabaseProduct() {
        return "H2";
    }
}
