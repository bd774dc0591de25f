package dev.tandem.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The big-state benchmark (issue 16): one board of N tasks, one socket, 16 calls in flight, each
 * {@code complete(id, done)} changing one task, stored. Prints calls/s, p50 and p99, and the bytes
 * of state written per call: Tandem's {@code tandem.storage.written} meter when it exists, else the
 * state's size times the writes made (each write stored the whole state); on PostgreSQL also the
 * WAL written ({@code pg_current_wal_lsn()}). Run by {@code bench/bigstate}.
 *
 * <p>Arguments: {@code tasks seconds [postgres-jdbc-url]}.
 */
public final class BigStateBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_FLIGHT = 16;

    private BigStateBench() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        String pg = args.length > 2 ? args[2] : null;
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("tandem.data-dir", Files.createTempDirectory("tandem-bigstate").toString());
        if (pg != null) {
            props.put("datasources.default.url", pg);
            props.put("datasources.default.username", "postgres");
            props.put("datasources.default.password", "");
        }
        try (ApplicationContext context = Micronaut.build(new String[0]).mainClass(BigStateBench.class).banner(false)
                .properties(props).start()) {
            int port = context.getBean(EmbeddedServer.class).getPort();
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            String id = "board-" + System.nanoTime();
            Client client = new Client(URI.create("ws://127.0.0.1:" + port + "/tandem/ws/bench-board/" + id));
            client.call("seed", tasks).get(60, TimeUnit.SECONDS);
            int stateChars = JSON.writeValueAsString(context.getBean(dev.tandem.runtime.LiveObjects.class)
                    .read("bench-board", id).get().state()).length();
            run(client, tasks, 1.0); // warm-up
            double writtenBefore = counter(meters, "tandem.storage.written");
            long writesBefore = meters.get("tandem.storage.write").timer().count();
            long walBefore = pg == null ? 0 : wal(pg);
            long[] latencies = run(client, tasks, seconds);
            long calls = latencies.length;
            double written = counter(meters, "tandem.storage.written") - writtenBefore;
            long writes = meters.get("tandem.storage.write").timer().count() - writesBefore;
            long walBytes = pg == null ? 0 : wal(pg) - walBefore;
            Arrays.sort(latencies);
            boolean metered = !Double.isNaN(written);
            System.out.printf("bigstate db=%s tasks=%d state=%d chars calls/s=%.0f p50=%.2f ms p99=%.2f ms"
                    + " state-written/call=%.0f (%s)%s%n", pg == null ? "h2" : "postgresql", tasks, stateChars,
                    calls / seconds, latencies[(int) (calls * 0.5)] / 1e6, latencies[(int) (calls * 0.99)] / 1e6,
                    metered ? written / calls : (double) stateChars * writes / calls,
                    metered ? "tandem.storage.written" : "whole state x " + writes + " writes",
                    pg == null ? "" : String.format(" wal/call=%.0f", (double) walBytes / calls));
            client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        System.exit(0);
    }

    private static double counter(MeterRegistry meters, String name) {
        var c = meters.find(name).counter();
        return c == null ? Double.NaN : c.count();
    }

    private static long wal(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Keeps 16 calls in flight for the duration; returns each call's latency (nanoseconds). */
    private static long[] run(Client client, int tasks, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long[] latencies = new long[4_000_000]; // bounded: more calls than any run makes
        int[] count = {0};
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] active = {0};
        Object lock = new Object();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            synchronized (lock) {
                if (System.nanoTime() >= end || count[0] + active[0] >= latencies.length) {
                    if (active[0] == 0) {
                        done.complete(null);
                    }
                    return;
                }
                active[0]++;
            }
            int task = (int) (Math.random() * tasks);
            long start = System.nanoTime();
            client.call("complete", task, Math.random() < 0.5).whenComplete((r, e) -> {
                synchronized (lock) {
                    active[0]--;
                    latencies[count[0]++] = System.nanoTime() - start;
                }
                next[0].run();
            });
        };
        for (int i = 0; i < IN_FLIGHT; i++) {
            next[0].run();
        }
        done.get((long) seconds + 60, TimeUnit.SECONDS);
        return Arrays.copyOf(latencies, count[0]);
    }

    /** One WebSocket; answers matched by call ID. */
    private static final class Client implements WebSocket.Listener {
        final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        final StringBuilder text = new StringBuilder();
        final WebSocket socket;
        long nextId = 1;

        Client(URI uri) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this).join();
        }

        synchronized CompletableFuture<JsonNode> call(String action, Object... args) {
            long id = nextId++;
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            var m = JSON.createObjectNode().put("type", "call").put("id", id).put("action", action);
            m.set("args", JSON.valueToTree(args));
            socket.sendText(m.toString(), true).join();
            return answer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    if (m.has("id") && ("result".equals(m.path("type").asText()) || "error".equals(m.path("type").asText()))) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asLong());
                        if (f != null) {
                            f.complete(m);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    text.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
