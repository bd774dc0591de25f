package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.GatedStore;
import dev.tandem.runtime.support.ServerMain;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    if (line.startsWith("PORT ")) {
                        port.complete(Integer.parseInt(line.substring(5).trim()));
                    }
                }
            } catch (java.io.IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the server process ended:\n" + output));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        String id = TestServer.uniqueId("term");
        try {
            int p = port.get(60, TimeUnit.SECONDS);
            try (TestSocket a = TestSocket.open("ws://127.0.0.1:" + p + "/tandem/ws/counter/" + id + "?session=s1")) {
                a.awaitType("snapshot");
                long call = a.call("incrementSlowly", 7, 1500);
                Thread.sleep(500); // the call is running
                process.destroy(); // SIGTERM
                JsonNode answer = a.awaitAnswer(call);
                assertEquals(7, answer.get("value").asLong(), "the call in flight is answered before the close");
                assertEquals(1001, a.awaitClose(), "close 1001, not 1006; server output:\n" + output);
            }
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ends");
        } finally {
            process.destroyForcibly();
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            assertEquals(7, again.get("/tandem/objects/counter/" + id).body().at("/state/count").asLong(),
                    "the call was stored");
        }
    }
}
