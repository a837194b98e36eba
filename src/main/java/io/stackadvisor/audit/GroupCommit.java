package io.stackadvisor.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit for the audit log. Each request hands its record to one writer thread and waits; the
 * writer takes every record waiting at that moment and commits them in one transaction, then releases
 * their requests. Under load one commit serves many requests; alone, a request waits for its own
 * commit only. Either way no request is answered before its record is committed.
 */
@ApplicationScoped
public class GroupCommit {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** One caller's records (one, or a whole batch request's), committed together in one transaction. */
    private record Pending(List<AuditBatchWriter.Prepared> records, CompletableFuture<Void> committed) {
    }

    private final AuditBatchWriter writer;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Duration maxWait;
    private final DistributionSummary batchSizes;
    private final Thread thread;
    private volatile boolean running = true;

    public GroupCommit(AuditBatchWriter writer, MeterRegistry registry,
                       @ConfigProperty(name = "stack-advisor.audit.queue-capacity", defaultValue = "2048") int capacity,
                       @ConfigProperty(name = "stack-advisor.audit.max-batch", defaultValue = "64") int maxBatch,
                       @ConfigProperty(name = "stack-advisor.audit.max-wait", defaultValue = "30s") Duration maxWait) {
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.batchSizes = DistributionSummary.builder("stack_advisor.audit.batch")
                .description("Evaluations committed per audit transaction").register(registry);
        this.thread = new Thread(this::run, "audit-group-commit");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once the record is committed; throws if it could not be, so no answer claims otherwise. */
    public void commit(EvaluationRecord record) {
        commitAll(List.of(record));
    }

    /**
     * Returns once all the records are committed, in one transaction (shared with other callers' records
     * waiting at that moment); throws if they could not be, and then none of them is. The records take
     * one place in the queue however many they are.
     */
    public void commitAll(List<EvaluationRecord> records) {
        if (records.isEmpty()) return;
        Pending pending = new Pending(records.stream().map(writer::prepare).toList(), new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new AuditUnavailableException("the audit log is not accepting records", null);
        }
        try {
            pending.committed().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AuditUnavailableException("the evaluation could not be recorded", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("the audit log did not confirm the record in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while recording", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                // Up to maxBatch records per transaction; a caller's records are never split.
                batch.add(first);
                int records = first.records().size();
                for (Pending next; records < maxBatch && (next = queue.poll()) != null; records += next.records().size()) {
                    batch.add(next);
                }
                write(batch);
            } catch (InterruptedException e) {
                // Nothing interrupts this thread; if something does, waiting callers time out with a 503.
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("audit group commit failed unexpectedly", e);
                batch.forEach(p -> p.committed().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<AuditBatchWriter.Prepared> records = batch.stream().flatMap(p -> p.records().stream()).toList();
            writer.writePrepared(records);
            batchSizes.record(records.size());
            batch.forEach(p -> p.committed().complete(null));
        } catch (SQLException e) {
            if (batch.size() > 1 && isAboutTheData(e)) {
                // One bad record must not fail the other callers': write each caller's records alone.
                batch.forEach(p -> write(List.of(p)));
            } else {
                batch.forEach(p -> p.committed().completeExceptionally(e));
            }
        }
    }

    /** Integrity and data errors belong to a record; anything else (connection, server) to the database. */
    private static boolean isAboutTheData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** Stops taking records and commits those already queued before the datasource closes. */
    @PreDestroy
    void drain() {
        running = false;
        try {
            thread.join(maxWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
