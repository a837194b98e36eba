package io.stackadvisor.bench;

import io.stackadvisor.testing.RealRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.db.Database;
import io.stackadvisor.audit.Cursor;
import io.stackadvisor.audit.EvaluationQuery;
import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.audit.EvaluationSummary;
import io.stackadvisor.audit.VersionIds;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProfileReader;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fills a PostgreSQL schema with N evaluations whose verdicts and claim sets come from the real
 * rules on generated profiles, then times the audit-log queries the service runs (the same SQL, via
 * {@link EvaluationStore}). Documents are stored short: search never reads them.
 *
 * Usage: AuditSearchBenchmark [rows=1000000] [jdbcUrl] [user]
 */
public final class AuditSearchBenchmark {
    static final String SCHEMA = "stack_advisor_bench_v10";

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String url = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = args.length > 2 ? args[2] : "postgres";
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        ds.setUser(user);
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            if (!hasRows(c, rows)) fill(c, rows);
        }
        Database database = new Database("postgresql") {
            @Override
            public DataSource dataSource() {
                return ds;
            }
        };
        EvaluationStore store = new EvaluationStore(database, null, new VersionIds(database), RealRules.JSON); // searches only
        System.out.printf("%n%,d evaluations in %s.evaluation%n", rows, SCHEMA);
        time("claim RT-01 (fires in many), newest 50", () -> store.search(q("RT-01", null, null)));
        time("claim IND-07 (rare), newest 50", () -> store.search(q("IND-07", null, null)));
        time("claim ML-01 and verdict HYBRID, newest 50", () -> store.search(q("ML-01", "HYBRID", null)));
        EvaluationSummary deep = page(store, "RT-01", 100);
        time("claim RT-01, page 101 by cursor", () -> store.search(q("RT-01", null, new Cursor(deep.evaluatedAt(), deep.id()))));
        time("verdict UNDETERMINED, newest 50", () -> store.search(q(null, "UNDETERMINED", null)));
        time("no filter, newest 50", () -> store.search(q(null, null, null)));
    }

    static EvaluationQuery q(String claim, String verdict, Cursor after) {
        return new EvaluationQuery(verdict, claim, null, null, null, null, after, 50);
    }

    static EvaluationSummary page(EvaluationStore store, String claim, int pages) {
        Cursor after = null;
        EvaluationSummary last = null;
        for (int i = 0; i < pages; i++) {
            List<EvaluationSummary> page = store.search(q(claim, null, after));
            last = page.get(page.size() - 1);
            after = new Cursor(last.evaluatedAt(), last.id());
        }
        return last;
    }

    static void time(String label, Supplier<List<EvaluationSummary>> query) {
        for (int i = 0; i < 5; i++) query.get();
        long[] ms = new long[30];
        int found = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            found = query.get().size();
            ms[i] = System.nanoTime() - start;
        }
        Arrays.sort(ms);
        System.out.printf("%-45s %3d rows  median %6.2f ms  p95 %6.2f ms  max %6.2f ms%n", label, found,
                ms[ms.length / 2] / 1e6, ms[(int) (ms.length * 0.95)] / 1e6, ms[ms.length - 1] / 1e6);
    }

    static boolean hasRows(Connection c, int rows) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + SCHEMA + ".evaluation")) {
            return r.next() && r.getLong(1) == rows;
        } catch (Exception e) {
            return false;
        }
    }

    static void fill(Connection c, int rows) throws Exception {
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        // The service's own migrations, as on a PostgreSQL it runs on.
        org.flywaydb.core.Flyway.configure().dataSource(new org.postgresql.ds.PGSimpleDataSource() {{
            setUrl(c.getMetaData().getURL()); setUser(c.getMetaData().getUserName()); }})
                .schemas(SCHEMA).locations("db/migration", "db/postgresql").load().migrate();
        int versionId;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("INSERT INTO " + SCHEMA
                + ".evaluation_version (version) VALUES ('sha256:" + "0".repeat(64) + "') RETURNING id")) {
            r.next();
            versionId = r.getInt(1);
        }
        List<Template> templates = templates(400);
        Random random = new Random(42);
        Instant from = Instant.parse("2025-11-22T00:00:00Z");
        long spanMillis = 365L * 24 * 3600 * 1000;
        PGConnection pg = c.unwrap(PGConnection.class);
        int batch = 50_000;
        for (int done = 0; done < rows; done += batch) {
            StringBuilder evaluations = new StringBuilder();
            StringBuilder claims = new StringBuilder();
            for (int i = done; i < Math.min(rows, done + batch); i++) {
                Template t = templates.get(random.nextInt(templates.size()));
                UUID id = new UUID(random.nextLong(), random.nextLong());
                String at = from.plusMillis(spanMillis * i / rows + random.nextInt(1000)).toString();
                evaluations.append(id).append('\t').append(at).append('\t').append(versionId).append('\t')
                        .append(t.verdict).append('\t').append(t.confidence).append('\t').append("project-").append(i % 5000)
                        .append('\t').append(t.node).append('\t').append(t.python)
                        .append("\t{").append(String.join(",", t.claims)).append("}\n");
            }
            pg.getCopyAPI().copyIn("COPY " + SCHEMA + ".evaluation (id, evaluated_at, version_id, verdict, confidence, "
                    + "profile_name, node_score, python_score, claims) FROM STDIN", new StringReader(evaluations.toString()));
            System.out.printf("  %,d / %,d rows%n", Math.min(rows, done + batch), rows);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + SCHEMA + ".evaluation");
        }
        System.out.printf("filled %,d evaluations in %d s%n", rows, (System.nanoTime() - start) / 1_000_000_000);
    }

    record Template(String verdict, String confidence, int node, int python, Set<String> claims) {
    }

    /** Real outcomes of the real rules on random profiles. */
    static List<Template> templates(int n) throws Exception {
        Ruleset ruleset = RealRules.ruleset();
        ProfileReader reader = RealRules.READER;
        DecisionEngine engine = new DecisionEngine();
        ObjectMapper json = new ObjectMapper();
        List<String> workloads = io.stackadvisor.profile.ProfileSchema.values("workloads");
        Random random = new Random(7);
        List<Template> templates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var profile = json.createObjectNode();
            var list = profile.putArray("workloads");
            new LinkedHashSet<>(List.of(workloads.get(random.nextInt(workloads.size())), workloads.get(random.nextInt(workloads.size()))))
                    .forEach(list::add);
            if (random.nextBoolean()) profile.put("expectedConcurrentConnections", random.nextInt(60_000));
            if (random.nextInt(20) == 0) profile.put("latencyTargetMs", 1);
            EngineResult r = engine.evaluate(ruleset, new Profile(reader.validate(profile).profile()), true);
            Set<String> claims = new LinkedHashSet<>();
            for (TraceStep step : r.trace()) if (step.rule().encodesClaim()) claims.add(step.rule().claim());
            templates.add(new Template(r.verdict().name(), r.confidence().name().toLowerCase(), r.nodeScore(), r.pythonScore(), claims));
        }
        return templates;
    }
}
