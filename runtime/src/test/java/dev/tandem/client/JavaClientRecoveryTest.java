package dev.tandem.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.ScriptedServer;
import dev.tandem.runtime.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the Java client recovers: a gap or a patch that does not apply leads to a resync (a fresh
 * snapshot, no resume) with the status showing it; a silent server is noticed by the heartbeat and
 * reconnected with resume; close() sends its close frame; finished calls leave no timeout task
 * behind. Scripted servers stage what the real one never does; the real one shows the healthy case.
 */
class JavaClientRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TandemClient client(String url) {
        return TandemClient.builder(url).reconnectDelays(Duration.ofMillis(20), Duration.ofMillis(100)).build();
    }

    private static String snapshot(long rev, String state) {
        return "{\"type\":\"snapshot\",\"rev\":" + rev + ",\"epoch\":\"e1\",\"connectionId\":\"c\",\"userId\":\"u\",\"state\":" + state + "}";
    }

    @Test
    void aGapResyncs() throws Exception {
        resyncsAfter("{\"type\":\"patch\",\"rev\":3,\"ops\":[{\"op\":\"replace\",\"path\":\"/count\",\"value\":3}]}");
    }

    @Test
    void aPatchThatDoesNotApplyResyncs() throws Exception {
        resyncsAfter("{\"type\":\"patch\",\"rev\":2,\"ops\":[{\"op\":\"remove\",\"path\":\"/nope\"}]}");
    }

    /** The server sends {@code bad} after the snapshot; the client must come back through a fresh snapshot. */
    private static void resyncsAfter(String bad) throws Exception {
        try (ScriptedServer scripted = ScriptedServer.start((n, peer) -> {
                    if (n == 0) {
                        peer.send(snapshot(1, "{\"count\":1,\"log\":[]}"));
                        later(200, () -> peer.send(bad)); // once the test listens to the status
                    } else {
                        peer.send(snapshot(7, "{\"count\":7,\"log\":[7]}"));
                    }
                });
                TandemClient tandem = client(scripted.url())) {
            LiveConnection c = tandem.connect("counter", "x").join();
            List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
            c.onStatus(statuses::add);
            Await.until(() -> c.revision() == 7 && c.status() == ConnectionStatus.OPEN, "the client resynced");
            assertEquals(2, scripted.peers.size());
            assertFalse(scripted.peers.get(1).target.contains("rev="), "no resume: " + scripted.peers.get(1).target);
            assertFalse(scripted.peers.get(1).target.contains("epoch="));
            assertEquals(JSON.readTree("{\"count\":7,\"log\":[7]}"), c.state());
            assertEquals(List.of(ConnectionStatus.RECONNECTING, ConnectionStatus.OPEN), statuses);
        }
    }

    @Test
    void aResultWhoseOpsDoNotApplyResyncsAndTheCallCompletesAfterIt() throws Exception {
        try (ScriptedServer scripted = ScriptedServer.start((n, peer) -> {
                    if (n == 0) {
                        peer.send(snapshot(1, "{\"count\":1,\"log\":[]}"));
                        answerFirstCall(peer, "{\"type\":\"result\",\"id\":1,\"rev\":2,\"value\":2,"
                                + "\"ops\":[{\"op\":\"replace\",\"path\":\"/log/3\",\"value\":1}]}");
                    } else {
                        peer.send(snapshot(2, "{\"count\":2,\"log\":[]}"));
                        answerFirstCall(peer, "{\"type\":\"result\",\"id\":1,\"rev\":2,\"value\":2}");
                    }
                });
                TandemClient tandem = client(scripted.url())) {
            LiveConnection c = tandem.connect("counter", "x").join();
            List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
            c.onStatus(statuses::add);
            ArrayNode args = JSON.createArrayNode().add(1);
            assertEquals(2, c.call("increment", args).join().asInt());
            assertEquals(List.of(ConnectionStatus.RECONNECTING, ConnectionStatus.OPEN), statuses);
            assertEquals(2, c.state().get("count").asInt(), "the fresh snapshot, not a half-applied patch");
            assertFalse(scripted.peers.get(1).target.contains("rev="));
        }
    }

    /** Answers the client's first call (on a thread of its own: the script runs before frames are read). */
    private static void answerFirstCall(ScriptedServer.Peer peer, String answer) {
        later(0, () -> {
            Await.until(() -> peer.received.stream().anyMatch(m -> m.contains("\"call\"")) || peer.isClosed(), "a call");
            peer.send(answer);
        });
    }

    private static void later(long millis, Runnable action) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            action.run();
        });
        t.setDaemon(true);
        t.start();
    }

    @Test
    void aSilentServerIsPingedThenDroppedAndTheClientResumes() throws Exception {
        try (ScriptedServer scripted = ScriptedServer.start((n, peer) -> {
                    if (n == 0) {
                        peer.send(snapshot(4, "{\"count\":4,\"log\":[]}")); // then silence
                    } else {
                        peer.send("{\"type\":\"resumed\",\"rev\":4,\"epoch\":\"e1\"}");
                    }
                });
                TandemClient tandem = TandemClient.builder(scripted.url())
                        .reconnectDelays(Duration.ofMillis(20), Duration.ofMillis(100))
                        .heartbeat(Duration.ofMillis(50), Duration.ofMillis(300)).build()) {
            LiveConnection c = tandem.connect("counter", "x").join();
            long silentSince = System.nanoTime();
            List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
            List<Long> noticedAfter = new CopyOnWriteArrayList<>();
            c.onStatus(s -> {
                statuses.add(s);
                noticedAfter.add((System.nanoTime() - silentSince) / 1_000_000);
            });
            Await.until(() -> statuses.contains(ConnectionStatus.RECONNECTING), "the client gives the silent server up");
            assertTrue(noticedAfter.get(0) >= 250 && noticedAfter.get(0) < 2000, "noticed after " + noticedAfter.get(0) + " ms");
            assertTrue(scripted.peers.get(0).received.contains("{\"type\":\"ping\"}"), "it pinged first");
            Await.until(() -> scripted.peers.get(0).isClosed(), "the silent socket is closed");
            Await.until(() -> c.status() == ConnectionStatus.OPEN && scripted.peers.size() == 2, "back");
            assertTrue(scripted.peers.get(1).target.contains("rev=4&epoch=e1"), "resumed: " + scripted.peers.get(1).target);
        }
    }

    @Test
    void anIdleConnectionToARealServerStaysOpenWithSmallHeartbeats() throws Exception {
        try (TandemClient tandem = TandemClient.builder(server.httpUrl(""))
                .heartbeat(Duration.ofMillis(50), Duration.ofMillis(250)).build()) {
            LiveConnection c = tandem.connect("counter", TestServer.uniqueId("idle")).join();
            List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
            c.onStatus(statuses::add);
            Thread.sleep(1200); // several heartbeat timeouts
            assertEquals(List.of(), statuses, "no drop: the server's pongs kept it alive");
            assertEquals(3, c.call("increment", JSON.createArrayNode().add(3)).join().asInt());
        }
    }

    @Test
    void closeSendsACloseFrame() throws Exception {
        try (ScriptedServer scripted = ScriptedServer.start((n, peer) -> peer.send(snapshot(1, "{\"count\":1}")));
                TandemClient tandem = client(scripted.url())) {
            LiveConnection c = tandem.connect("counter", "x").join();
            c.close();
            assertEquals(ConnectionStatus.CLOSED, c.status());
            Await.until(() -> scripted.peers.get(0).received.contains("close 1000"), "the server got the close frame");
        }
    }

    @Test
    void completedCallsLeaveNoTimeoutTaskBehind() {
        try (TandemClient tandem = TandemClient.builder(server.httpUrl("")).callTimeout(Duration.ofMinutes(10)).build()) {
            LiveConnection c = tandem.connect("counter", TestServer.uniqueId("tasks")).join();
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < 150; i++) { // under the server's burst of 200 messages
                calls.add(c.call("get", JSON.createArrayNode()));
            }
            calls.forEach(CompletableFuture::join);
            int queued = ((ScheduledThreadPoolExecutor) tandem.scheduler()).getQueue().size();
            assertTrue(queued <= 3, queued + " tasks are still scheduled after 150 calls completed");
        }
    }
}
