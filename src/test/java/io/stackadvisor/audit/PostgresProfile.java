package io.stackadvisor.audit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The same service on the real PostgreSQL of this machine (127.0.0.1:5432, database "test"), in a
 * schema of its own that is cleaned at start. Override with -Dstack-advisor.test.pg-url=...
 */
public class PostgresProfile implements QuarkusTestProfile {
    static final String URL = System.getProperty("stack-advisor.test.pg-url",
            "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=stack_advisor_test");

    /**
     * CI always runs the PostgreSQL tests (.ci/run makes sure the server answers). On a developer
     * machine without PostgreSQL they are skipped with a message rather than failing the build.
     */
    public static boolean reachable() {
        if (System.getenv("CI") != null) return true;
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (java.io.IOException e) {
            System.err.println("PostgreSQL is not answering on 127.0.0.1:5432: skipping the PostgreSQL tests on this machine");
            return false;
        }
    }

    /** The datasource and Flyway settings for a schema of its own on this machine's PostgreSQL, cleaned at start. */
    public static Map<String, String> inSchema(String schema) {
        return Map.of(
                "quarkus.datasource.\"postgresql\".jdbc.url", System.getProperty("stack-advisor.test.pg-base",
                        "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema=" + schema,
                "quarkus.datasource.\"postgresql\".username", System.getProperty("stack-advisor.test.pg-user", "postgres"),
                "quarkus.datasource.\"postgresql\".password", "",
                "quarkus.flyway.\"postgresql\".schemas", schema,
                "quarkus.flyway.\"postgresql\".clean-disabled", "false",
                "quarkus.flyway.\"postgresql\".clean-at-start", "true");
    }

    @Override
    public String getConfigProfile() {
        return "postgresql";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.\"postgresql\".jdbc.url", URL,
                "quarkus.datasource.\"postgresql\".username", System.getProperty("stack-advisor.test.pg-user", "postgres"),
                "quarkus.datasource.\"postgresql\".password", "",
                "quarkus.flyway.\"postgresql\".schemas", "stack_advisor_test",
                "quarkus.flyway.\"postgresql\".clean-disabled", "false",
                "quarkus.flyway.\"postgresql\".clean-at-start", "true",
                "quarkus.http.test-port", "0",
                "quarkus.log.console.json.enabled", "false");
    }
}
