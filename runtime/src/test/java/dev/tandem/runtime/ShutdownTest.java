package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.GatedStore;
import dev.tandem.runtime.support.ServerProcess;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stopping server finishes and stores the calls in flight, answers them, then closes each socket with 1001. */
class ShutdownTest {

    @Test
    void closingTheContextAnswersTheCallInFlightThenCloses1001() throws Exception {
        String id = TestServer.uniqueId("bye");
        TestServer server = TestServer.start(Map.of("tandem.test.gated-store", "true"));
        GatedStore store = server.bean(GatedStore.class);
        Thread stopper = new Thread(server::close, "stopper");
        try (TestSocket a = server.connect("counter", id)) {
            a.awaitType("snapshot");
            store.close();
            long call = a.call("increment", 5);
            Await.until(() -> store.blockedWriters.get() > 0, "the call's write is held in storage");
            stopper.start();
            Thread.sleep(300);
            assertFalse(a.isClosed(), "the socket stays open while its call is being stored");
            store.open();
            JsonNode answer = a.awaitAnswer(call);
            assertEquals(5, answer.get("value").asLong(), "the call in flight is answered before the close");
            assertEquals(1001, a.awaitClose());
            assertEquals("the server is shutting down; reconnect", a.closeReason());
        } finally {
            store.open();
            stopper.join(30_000);
        }
        try (TestServer again = TestServer.start(server.dataDir, Map.of())) {
            assertEquals(5, again.get("/tandem/objects/counter/" + id).body().at("/state/count").asLong(),
                    "the call was stored");
        }
    }

    @Test
    void sigtermToAServerProcessAnswersTheCallInFlightThenCloses1001() throws Exception {
        assumeFalse(TestServer.postgres(), "the server process uses the embedded database");
        Path dir = Files.createTempDirectory("tandem-sigterm");
        String id = TestServer.uniqueId("term");
        try (ServerProcess process = ServerProcess.start(dir, Map.of())) {
            try (TestSocket a = TestSocket.open(process.wsUrl("counter", id) + "?session=s1")) {
                a.awaitType("snapshot");
                long call = a.call("incrementSlowly", 7, 1500);
                Thread.sleep(500); // the call is running
                process.terminate(); // SIGTERM
                JsonNode answer = a.awaitAnswer(call);
                assertEquals(7, answer.get("value").asLong(), "the call in flight is answered before the close");
                assertEquals(1001, a.awaitClose(), "close 1001, not 1006; server output:\n" + process.output());
            }
            assertTrue(process.awaitExit(30), "the process ends");
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            assertEquals(7, again.get("/tandem/objects/counter/" + id).body().at("/state/count").asLong(),
                    "the call was stored");
        }
    }
}
