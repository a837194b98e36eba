package io.stackadvisor.it;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Concurrent clients posting evaluations; remembers every 201 body by id and every other outcome. */
final class LoadClients {
    static final String[] PROFILES = {
            "{\"name\": \"fault chat\", \"workloads\": [\"realtime-messaging\"], \"expectedConcurrentConnections\": 20000}",
            "{\"name\": \"fault shop\", \"workloads\": [\"rest-api\", \"recommendations\", \"ml-inference\"], \"domain\": \"ecommerce\", "
                    + "\"expectedConcurrentConnections\": 8000}",
            "{\"name\": \"fault training\", \"workloads\": [\"ml-training\", \"computer-vision\"]}"};

    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final List<Integer> otherStatuses = new CopyOnWriteArrayList<>();
    final List<String> connectionErrors = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;

    LoadClients(int clients, Supplier<ServiceProcess> target) {
        pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int i = 0;
                while (running.get()) {
                    try {
                        HttpResponse<String> r = target.get().post("/api/v1/evaluations", PROFILES[(client + i++) % PROFILES.length]);
                        if (r.statusCode() == 201) {
                            String id = r.headers().firstValue("Location").orElseThrow();
                            acknowledged.put(id.substring(id.lastIndexOf('/') + 1), r.body());
                        } else {
                            otherStatuses.add(r.statusCode());
                        }
                    } catch (Exception e) {
                        connectionErrors.add(e.getClass().getSimpleName());
                        sleep(50);
                    }
                }
            });
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the clients have had n evaluations acknowledged (a cold service answers its first ones slowly). */
    void awaitAcknowledged(int n) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (acknowledged.size() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("only " + acknowledged.size() + " acknowledged in 90 s");
            Thread.sleep(100);
        }
    }
}
