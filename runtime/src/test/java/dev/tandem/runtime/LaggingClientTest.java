package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.internal.Frames;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.GatedStore;
import dev.tandem.runtime.support.HeldTurns;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Snapshot, then patches, with no gap, for a client that fell behind: once its backlog passed
 * {@code tandem.limits.max-send-queue} it gets no patch, in any form, until its fresh snapshot.
 * The interleaving that would leak one is forced with a held turn and a store that lets writes
 * through one group at a time: the connection drains (and asks for its snapshot) while the result
 * of its own call, with its patch, waits for storage.
 */
class LaggingClientTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void aLaggingClientGetsNoPatchBetweenCatchingUpAndItsFreshSnapshot() throws Exception {
        try (TestServer server = TestServer.start(Map.of("tandem.test.gated-store", "true",
                "tandem.limits.max-send-queue", Integer.toString(LIMIT)))) {
            GatedStore store = server.bean(GatedStore.class);
            LiveObjects objects = server.bean(LiveObjects.class);
            MeterRegistry meters = server.bean(MeterRegistry.class);
            String id = TestServer.uniqueId("lag");
            try (TestSocket slow = server.connect("counter", id)) {
                slow.awaitType("snapshot");
                // 1. One group of turns whose patches (60 x 512 KiB) are far more than the client's
                //    socket buffers and its send queue: a held turn makes them one batch, one write.
                CompletableFuture<CallResult> hold = objects.call("counter", id, "hold", null, LiveObjects.system("t"));
                HeldTurns.awaitStarted();
                List<CompletableFuture<CallResult>> blobs = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    blobs.add(objects.call("counter", id, "blob", Frames.JSON.createArrayNode().add(512).add(
                            Integer.toString(i % 10)), LiveObjects.system("t")));
                }
                store.close();
                HeldTurns.release();
                Await.until(() -> store.blockedWriters.get() > 0, "the blobs' write is held");
                // 2. The client's own call runs after them; its result (with its patch) waits for a second write.
                long call = slow.call("increment", 1);
                slow.expectNoMessage("anything while the blobs' write is held"); // the call was read
                slow.stopReading();
                // 3. The blobs are stored and broadcast: the client falls behind and patches are dropped.
                store.passOne();
                hold.get();
                for (CompletableFuture<CallResult> b : blobs) {
                    b.get();
                }
                // 4. Its backlog drains (the client's buffers take it) and the server hears it caught up,
                //    while the result of its call, with its patch, still waits for storage.
                Await.until(() -> meters.get("tandem.send.queue.largest").gauge().value() == 0, "the backlog drained");
                slow.sendText("{\"type\":\"ping\"}"); // answered after the catch-up was handled
                slow.resumeReading();
                slow.awaitType("pong");
                // 5. Storage confirms the call: its result goes out, then the fresh snapshot.
                store.open();
                JsonNode result = slow.awaitAnswer(call);
                assertEquals("result", result.get("type").asText(), result.toString());
                JsonNode fresh = slow.awaitType("snapshot");
                assertTrue(fresh.get("rev").asLong() >= result.get("rev").asLong(), "the snapshot includes the call");
                assertEquals(1, fresh.at("/state/count").asLong());
                assertGapless(slow.seen());
                assertEquals(2, slow.seen().stream().filter(m -> "snapshot".equals(m.path("type").asText())).count(),
                        "the client fell behind and was resynced");
            }
        }
    }

    /** Fails if any patch (a patch message, or a result with ops) does not follow the revision before it. */
    private static void assertGapless(List<JsonNode> messages) {
        if (!contiguous(messages)) {
            fail("a patch arrived that does not follow the client's revision: " + summary(messages));
        }
    }

    private static boolean contiguous(List<JsonNode> messages) {
        long rev = -1;
        for (JsonNode m : messages) {
            if ("snapshot".equals(m.path("type").asText())) {
                rev = m.get("rev").asLong();
            } else if (TestSocket.isPatch(m)) {
                if (m.get("rev").asLong() != rev + 1) {
                    return false;
                }
                rev = m.get("rev").asLong();
            }
        }
        return true;
    }

    private static String summary(List<JsonNode> messages) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode m : messages) {
            kinds.add(m.path("type").asText() + (m.has("rev") ? " " + m.get("rev").asLong() : "")
                    + (m.has("ops") ? "+ops" : ""));
        }
        return kinds.toString();
    }
}
