package io.stackadvisor.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A full shadow queue drops samples and counts them; the caller never waits and never runs the task itself. */
class ShadowExecutorTest {

    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheCaller() throws Exception {
        ShadowExecutor executor = new ShadowExecutor(1, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        Thread caller = Thread.currentThread();
        try {
            assertTrue(executor.offer(() -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.incrementAndGet();
            }), "the first sample runs");
            assertTrue(running.await(5, TimeUnit.SECONDS), "the worker is busy");
            assertTrue(executor.offer(ran::incrementAndGet), "the second waits in the queue of 1");

            long started = System.nanoTime();
            int refused = 0;
            for (int i = 0; i < 1000; i++) {
                if (!executor.offer(() -> {
                    if (Thread.currentThread() == caller) throw new AssertionError("ran on the caller's thread");
                    ran.incrementAndGet();
                })) refused++;
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(1000, refused, "every further sample is dropped");
            assertTrue(tookMs < 500, "the caller was not blocked: 1000 offers took " + tookMs + " ms");
            assertEquals(1000, executor.takeDropped());
            assertEquals(0, executor.takeDropped(), "taking the count resets it");
        } finally {
            release.countDown();
            executor.shutdown(5_000);
        }
        assertEquals(2, ran.get(), "only the queued samples ran");
        assertFalse(executor.offer(ran::incrementAndGet), "after shutdown a sample is dropped");
        assertEquals(1, executor.takeDropped());
    }
}
