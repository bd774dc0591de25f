package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.RawWebSocket;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bounded memory per connection, whatever the client does: every frame the server queues for a
 * connection counts against {@code tandem.limits.max-send-queue}, and a client that does not read
 * is no longer read from, so it can't make the server queue answers without bound.
 */
class SendQueueTest {

    private static final int LIMIT = 64 * 1024;
    /** The largest frame the flood makes the server send: a patch carrying the 8 KiB blob. */
    private static final int FRAME = 9 * 1024;

    @Test
    void aClientThatNeverReadsButFloodsCannotGrowItsQueuePastTheLimit() throws Exception {
        try (TestServer server = TestServer.start(Map.of("tandem.limits.max-send-queue", Integer.toString(LIMIT),
                "tandem.limits.calls-per-second", "1000000", "tandem.limits.call-burst", "1000000"))) {
            MeterRegistry meters = server.bean(MeterRegistry.class);
            String id = TestServer.uniqueId("flood");
            long heapBefore = usedHeap();
            long rssBefore = rss();
            // 150,000 one-byte bad messages and, among them, 15,000 calls with 8 KiB patches and results
            ByteArrayOutputStream flood = new ByteArrayOutputStream();
            byte[] bad = RawWebSocket.encode(0x81, new byte[] {'x'});
            for (int i = 0; i < 150_000; i++) {
                flood.writeBytes(bad);
                if (i % 10 == 0) {
                    flood.writeBytes(RawWebSocket.encode(0x81, ("{\"type\":\"call\",\"id\":" + i
                            + ",\"action\":\"blob\",\"args\":[8,\"" + (i % 7) + "\"]}").getBytes(StandardCharsets.UTF_8)));
                }
            }
            byte[] bytes = flood.toByteArray();
            AtomicLong written = new AtomicLong();
            try (TestSocket calm = server.connect("counter", id);
                    RawWebSocket raw = RawWebSocket.open(server.server.getPort(), "/tandem/ws/counter/" + id, 4096)) {
                calm.awaitType("snapshot");
                Thread writer = new Thread(() -> {
                    try {
                        for (int off = 0; off < bytes.length; off += 8192) {
                            raw.writeRaw(java.util.Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + 8192)));
                            written.set(Math.min(bytes.length, off + 8192));
                        }
                    } catch (IOException e) {
                        // closed by the server (4008) or by the test
                    }
                }, "flooder");
                writer.setDaemon(true);
                writer.start();
                double largest = 0;
                long end = System.nanoTime() + 3_000_000_000L;
                int answered = 0;
                while (System.nanoTime() < end) {
                    largest = Math.max(largest, meters.get("tandem.send.queue.largest").gauge().value());
                    if (answered < 5) {
                        JsonNode answer = calm.awaitAnswer(calm.call("get"));
                        assertEquals("result", answer.get("type").asText(), "the other client carries on");
                        answered++;
                    }
                    Thread.sleep(2);
                }
                long heapAfter = usedHeap();
                long rssAfter = rss();
                System.out.printf("[send-queue] client sent %,d of %,d bytes (%,d messages); largest backlog of one"
                        + " connection %,.0f bytes (limit %,d); heap %,d -> %,d KiB, RSS %,d -> %,d KiB%n",
                        written.get(), bytes.length, 165_000, largest, LIMIT, heapBefore / 1024, heapAfter / 1024,
                        rssBefore, rssAfter);
                // a frame is refused once the backlog is at twice the limit, so the one that crossed it (here a
                // patch of 8 KiB plus its JSON) is the most it can pass it by
                assertTrue(largest <= 2 * LIMIT + FRAME, "the non-reading connection's backlog stays within twice"
                        + " the limit plus one frame: " + largest);
                assertTrue(largest > 0, "the gauge sees the backlog");
                assertEquals("result", calm.awaitAnswer(calm.call("increment", 1)).get("type").asText());
            }
        }
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** @return the process's resident set in KiB, or -1 where /proc is missing */
    private static long rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(status);
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
