package io.stackadvisor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackadvisor.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The audit log over JDBC: every evaluation committed before the answer leaves, and searched. */
@ApplicationScoped
public class EvaluationStore {
    private final Database database;
    private final GroupCommit groupCommit;
    private final RecordCodec codec;
    private final ObjectMapper json;
    private final EvaluationSearch search;

    public EvaluationStore(Database database, GroupCommit groupCommit, VersionIds versions, ObjectMapper json) {
        this.database = database;
        this.groupCommit = groupCommit;
        this.codec = new RecordCodec(json);
        this.json = json;
        this.search = new EvaluationSearch(database, versions);
    }

    /** Returns once the record is committed (grouped with others waiting at the same moment). */
    public void save(EvaluationRecord record) {
        groupCommit.commit(record);
    }

    /** Returns once all the records are committed, in one transaction: all of them or, on a failure, none. */
    public void saveAll(List<EvaluationRecord> records) {
        groupCommit.commitAll(records);
    }

    /** The record exactly as it reads back from the store (its values in their stored types). */
    public EvaluationRecord asStored(EvaluationRecord record) {
        RecordCodec.Stored stored = codec.roundTrip(record);
        return new EvaluationRecord(record.id(), record.evaluatedAt(), record.rulesetVersion(), record.verdict(),
                record.confidence(), record.nodeScore(), record.pythonScore(), record.profileName(), stored.profile(),
                RecordCodec.steps(stored), list(stored.flags()), list(stored.advice()), stored.explained(),
                claims(stored), record.digest());
    }

    public Optional<StoredEvaluation> find(UUID id) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + EvaluationSearch.COLUMNS
                     + ", e.record, e.digest, e.document FROM evaluation e WHERE e.id = ?")) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) return Optional.empty();
                byte[] bytes = row.getBytes(9);
                if (bytes == null) return Optional.of(new StoredEvaluation.Legacy(row.getString(11)));
                RecordCodec.Stored stored = codec.decode(bytes);
                EvaluationSummary s = search.summary(row);
                return Optional.of(new StoredEvaluation.Compact(new EvaluationRecord(s.id(), s.evaluatedAt(),
                        s.rulesetVersion(), s.verdict(), s.confidence(), s.nodeScore(), s.pythonScore(), s.name(),
                        stored.profile(), RecordCodec.steps(stored), list(stored.flags()), list(stored.advice()),
                        stored.explained(), claims(stored), row.getBytes(10))));
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be read", e);
        }
    }

    /** What a recorded evaluation concluded, from its compact record or from a document stored whole. */
    public Optional<RecordedOutcome> outcome(UUID id) {
        return find(id).map(stored -> stored instanceof StoredEvaluation.Compact c
                ? new RecordedOutcome(c.record().rulesetVersion(), c.record().profile(), c.record().verdict(),
                        c.record().confidence(), c.record().nodeScore(), c.record().pythonScore(), c.record().claimsFired())
                : legacyOutcome(((StoredEvaluation.Legacy) stored).document()));
    }

    private RecordedOutcome legacyOutcome(String document) {
        try {
            JsonNode doc = json.readTree(document);
            Set<String> claims = new java.util.LinkedHashSet<>();
            doc.path("trace").forEach(step -> {
                if (step.hasNonNull("claim")) claims.add(step.get("claim").asText());
            });
            return new RecordedOutcome(doc.path("rulesetVersion").asText(), doc.path("profile").toString(),
                    doc.path("verdict").asText(), doc.path("confidence").asText(), doc.at("/scores/nodejs").asInt(),
                    doc.at("/scores/python").asInt(), claims);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a recorded evaluation is not valid JSON", e);
        }
    }

    private static Set<String> claims(RecordCodec.Stored stored) {
        return stored.claims() == null ? Set.of() : new java.util.LinkedHashSet<>(stored.claims());
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** One page for a caller, newest first, with the cursor of the next page when there is one. */
    public EvaluationPage page(EvaluationQuery query) {
        List<EvaluationSummary> rows = search(query.withAfter(query.after(), query.limit() + 1));
        if (rows.size() <= query.limit()) return new EvaluationPage(rows, null);
        List<EvaluationSummary> items = rows.subList(0, query.limit());
        return new EvaluationPage(items, Cursor.after(items.get(items.size() - 1)).encode());
    }

    /** Every row the query matches, up to its limit, newest first, read page by page as it is iterated. */
    public Iterable<EvaluationSummary> all(EvaluationQuery query) {
        return () -> new Iterator<>() {
            private Iterator<EvaluationSummary> page = java.util.Collections.emptyIterator();
            private Cursor after = query.after();
            private int remaining = query.limit();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted && remaining > 0) {
                    int wanted = Math.min(remaining, EvaluationQuery.MAX_LIMIT);
                    List<EvaluationSummary> rows = search(query.withAfter(after, wanted));
                    exhausted = rows.size() < wanted;
                    if (!rows.isEmpty()) after = Cursor.after(rows.get(rows.size() - 1));
                    page = rows.iterator();
                }
                return page.hasNext();
            }

            @Override
            public EvaluationSummary next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                remaining--;
                return page.next();
            }
        };
    }

    /** One page, newest first; the page holds at most {@code query.limit()} rows. */
    public List<EvaluationSummary> search(EvaluationQuery query) {
        return search.search(query);
    }
}
