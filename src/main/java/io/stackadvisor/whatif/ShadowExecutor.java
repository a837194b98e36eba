package io.stackadvisor.whatif;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs shadow samples off the request path on a few threads with a bounded queue. When the queue is
 * full the sample is dropped and counted: {@link #offer} never blocks and never runs the task on the
 * caller's thread.
 */
public final class ShadowExecutor {
    private final ThreadPoolExecutor pool;
    private final AtomicLong dropped = new AtomicLong();

    public ShadowExecutor(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread thread = new Thread(r, "ruleset-shadow-" + n.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** True if the task was queued; false if it was dropped (queue full or shut down), and counted. */
    public boolean offer(Runnable task) {
        try {
            pool.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
            return false;
        }
    }

    /** Dropped since the last call (the count is reset). */
    public long takeDropped() {
        return dropped.getAndSet(0);
    }

    /** Stops taking tasks; waits up to {@code waitMillis} for queued ones to finish. */
    public void shutdown(long waitMillis) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
