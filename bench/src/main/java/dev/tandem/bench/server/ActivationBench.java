package dev.tandem.bench.server;

import dev.tandem.runtime.LiveObjects;
import dev.tandem.runtime.internal.Host;
import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What an instance costs when it is not busy: heap per active, idle instance, and the time to
 * bring instances back from storage (one at a time, and many at once). Bounded: a fixed number of
 * instances, no open-ended loop.
 *
 * <pre>
 * java -cp bench/target/tandem-bench-server.jar dev.tandem.bench.server.ActivationBench [instances]
 *     [-Ddatasources.default.url=jdbc:postgresql://127.0.0.1:5432/test -Ddatasources.default.username=postgres]
 * </pre>
 */
public final class ActivationBench {

    private ActivationBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path data = Files.createTempDirectory("tandem-activation");
        Map<String, Object> props = new HashMap<>();
        props.put("tandem.data-dir", data.toString());
        props.put("micronaut.server.port", -1);
        props.put("tandem.passivation.idle-time", "1h");
        String prefix = "act-" + Long.toString(System.nanoTime(), 36) + "-";
        try (ApplicationContext context = ApplicationContext.run(props)) {
            LiveObjects objects = context.getBean(LiveObjects.class);
            Host host = context.getBean(Host.class);
            objects.read("counter", prefix + "warmup").get();
            long before = usedHeap();
            long start = System.nanoTime();
            createAll(objects, prefix, n);
            double createSeconds = (System.nanoTime() - start) / 1e9;
            long after = usedHeap();
            System.out.printf("database: %s%n", context.getEnvironment().getProperty("datasources.default.url", String.class)
                    .orElse("?"));
            System.out.printf("created and stored %d counters in %.2f s (%.0f/s), %d active%n", n, createSeconds,
                    n / createSeconds, host.activeInstances());
            System.out.printf("heap per active idle instance: %.0f bytes%n", (after - before) / (double) n);
        }
        props.put("tandem.passivation.max-active-instances", n * 2);
        try (ApplicationContext context = ApplicationContext.run(props)) {
            LiveObjects objects = context.getBean(LiveObjects.class);
            objects.read("counter", prefix + "warmup").get();
            int sequential = Math.min(n, 2000);
            long start = System.nanoTime();
            for (int i = 0; i < sequential; i++) {
                objects.read("counter", prefix + i).get();
            }
            double seqMicros = (System.nanoTime() - start) / 1e3 / sequential;
            start = System.nanoTime();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = sequential; i < n; i++) {
                all.add(objects.read("counter", prefix + i));
            }
            for (CompletableFuture<?> f : all) {
                f.get();
            }
            double parSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("activation from storage, one at a time: %.0f µs each (%d instances)%n", seqMicros, sequential);
            System.out.printf("activation from storage, all at once: %.0f instances/s (%d instances)%n",
                    (n - sequential) / parSeconds, n - sequential);
        }
    }

    private static void createAll(LiveObjects objects, String prefix, int n) throws Exception {
        List<CompletableFuture<?>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(objects.read("counter", prefix + i));
            if (batch.size() == 1000) {
                for (CompletableFuture<?> f : batch) {
                    f.get();
                }
                batch.clear();
            }
        }
        for (CompletableFuture<?> f : batch) {
            f.get();
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
