package io.stackadvisor.db;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Keeps the embedded H2 file from growing with every commit. The audit log needs WRITE_DELAY=0 (each
 * commit is on disk before its 201), and with it H2 runs no background thread, so nothing ever
 * rewrites the half-dead chunks that every commit leaves behind. This does what that thread would do:
 * on a schedule, the emptiest chunks' live pages are written again (with the next commit) and chunks
 * left with no live page are freed for reuse. PostgreSQL does not need it.
 */
@ApplicationScoped
public class H2Housekeeping {
    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class);

    /** Chunks with less than this percentage of live pages are rewritten, as H2's own thread would. */
    static final int TARGET_FILL_RATE = 80;

    private final Database database;
    private final Duration interval;
    private final int bytesPerRound;
    private ScheduledExecutorService schedule;

    public H2Housekeeping(Database database,
                          @ConfigProperty(name = "stack-advisor.h2.housekeeping.interval") Duration interval,
                          @ConfigProperty(name = "stack-advisor.h2.housekeeping.bytes-per-round") int bytesPerRound) {
        this.database = database;
        this.interval = interval;
        this.bytesPerRound = bytesPerRound;
    }

    void start(@Observes StartupEvent started) {
        if (database.isPostgres() || interval.isZero()) return;
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try (Connection connection = database.dataSource().getConnection()) {
            if (!compact(connection, TARGET_FILL_RATE, bytesPerRound)) {
                LOG.info("H2 housekeeping stopped: the database is not an embedded file in this process");
                schedule.shutdown();
            }
        } catch (SQLException | RuntimeException e) {
            // The next round tries again; a database that is closing or gone is not this class's concern.
            LOG.debugf(e, "H2 housekeeping skipped a round");
        }
    }

    /**
     * One round on the store behind an embedded H2 connection: the live pages of chunks below the fill
     * rate are written again, up to {@code bytes}, and chunks with no live page left are freed. False if
     * the connection does not reach a file store in this process (an H2 server, an in-memory database).
     */
    static boolean compact(Connection connection, int targetFillRate, int bytes) throws SQLException {
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) return false;
        MVStore store = session.getDatabase().getStore().getMvStore();
        if (store.getFileStore() == null) return false;
        if (store.isClosed()) return true;
        store.compact(targetFillRate, bytes);
        store.getFileStore().dropUnusedChunks();
        return true;
    }

    /** Not shutdownNow(): an interrupt during H2's file I/O closes its file channel and can corrupt the file. */
    void stop(@Observes ShutdownEvent stopping) {
        if (schedule == null) return;
        schedule.shutdown();
        try {
            schedule.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
