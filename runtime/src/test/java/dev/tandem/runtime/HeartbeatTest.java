package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.RawWebSocket;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Server heartbeats: a quiet but healthy connection outlives every idle timeout, and one from which
 * nothing arrives (a half-open socket) is closed with 4408 and leaves its instance.
 */
class HeartbeatTest {

    private static final Map<String, Object> FAST = Map.of(
            "micronaut.server.idle-timeout", "1s",
            "tandem.websocket.heartbeat-interval", "300ms",
            "tandem.websocket.heartbeat-timeout", "1500ms");

    @Test
    void aQuietHealthyConnectionOutlivesTheServersIdleTimeout() throws Exception {
        try (TestServer server = TestServer.start(FAST); TestSocket a = server.connect("counter", TestServer.uniqueId("quiet"))) {
            a.awaitType("snapshot");
            long end = System.nanoTime() + 4_000_000_000L; // four idle timeouts, nearly three heartbeat timeouts
            while (System.nanoTime() < end && !a.isClosed()) {
                Thread.sleep(100); // the test is the idle client: it must send nothing
            }
            assertFalse(a.isClosed(), "the connection was closed while idle: " + (a.isClosed() ? a.awaitClose() : ""));
            assertEquals(1, a.awaitAnswer(a.call("increment", 1)).get("value").asLong(), "and it still works");
        }
    }

    @Test
    void aClientThatNeverAnswersIsClosedWith4408AndItsDisconnectHookRuns() throws Exception {
        try (TestServer server = TestServer.start(FAST)) {
            String id = TestServer.uniqueId("silent");
            try (TestSocket watcher = server.connect("room", id, "session=w&name=Watcher")) {
                long rev = watcher.awaitType("snapshot").get("rev").asLong();
                long start;
                try (RawWebSocket silent = RawWebSocket.open(server.server.getPort(),
                        "/tandem/ws/room/" + id + "?session=s&name=Silent")) {
                    start = System.nanoTime();
                    JsonNode joined = watcher.awaitPatch(rev + 1);
                    assertTrue(joined.get("ops").toString().contains("Silent"), joined.toString());
                    assertEquals(4408, silent.awaitCloseCode(), "closed for silence, after the pings it never answered");
                    long took = (System.nanoTime() - start) / 1_000_000;
                    assertTrue(took >= 1400 && took < 4000, "closed after the 1500 ms timeout, took " + took + " ms");
                }
                JsonNode left = watcher.awaitPatch(rev + 2);
                assertTrue(left.get("ops").toString().contains("\"op\":\"remove\""), "its @OnDisconnect ran: " + left);
            }
        }
    }

    @Test
    void anIntervalNotShorterThanTheTimeoutStopsTheServerNamingBothKeys() {
        Exception e = assertThrows(Exception.class, () -> TestServer.start(Map.of(
                "tandem.websocket.heartbeat-interval", "60s", "tandem.websocket.heartbeat-timeout", "60s")).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("tandem.websocket.heartbeat-interval (PT1M) must be shorter than"
                + " tandem.websocket.heartbeat-timeout (PT1M)"), messages.toString());
    }
}
