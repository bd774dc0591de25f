package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.client.CallFailedException;
import dev.tandem.client.ConnectionStatus;
import dev.tandem.client.TandemClient;
import dev.tandem.runtime.fixtures.CounterClient;
import dev.tandem.runtime.fixtures.RoomClient;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated Java clients against a real server: typed state and calls, reconnect and resume. */
class JavaClientTest {

    static TestServer server;
    static TandemClient tandem;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        tandem = TandemClient.builder("http://127.0.0.1:" + server.server.getPort())
                .reconnectDelays(Duration.ofMillis(50), Duration.ofMillis(200)).build();
    }

    @AfterAll
    static void stop() {
        tandem.close();
        server.close();
    }

    @Test
    void typedStateAndCallsAndSubscriptions() {
        String id = TestServer.uniqueId("java");
        try (CounterClient a = CounterClient.connect(tandem, id).join();
                CounterClient b = CounterClient.connect(tandem, id).join()) {
            assertEquals(0, a.state().count());
            List<Long> seenByB = new CopyOnWriteArrayList<>();
            b.subscribe(state -> seenByB.add(state.count()));
            long value = a.actions().increment(5).join();
            assertEquals(5, value);
            assertEquals(5, a.state().count(), "when the call completes, the local state includes it");
            a.actions().append(7).join();
            assertEquals(List.of(7), a.state().log());
            Await.until(() -> seenByB.contains(5L), "the other client sees the change");
            CompletionException e = assertThrows(CompletionException.class, () -> a.actions().increment(0).join());
            CallFailedException failed = (CallFailedException) e.getCause();
            assertEquals("rejected", failed.code());
            assertEquals("Increment by at least 1", failed.getMessage());
        }
    }

    @Test
    void pipelinedCallsKeepTheirOrder() {
        String id = TestServer.uniqueId("java-pipe");
        try (CounterClient a = CounterClient.connect(tandem, id).join()) {
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(a.actions().append(i));
            }
            calls.forEach(CompletableFuture::join);
            for (int i = 0; i < 50; i++) {
                assertEquals(i, a.state().log().get(i));
            }
        }
    }

    @Test
    void aDroppedConnectionResumesAndAQueuedCallRunsOnce() {
        String id = TestServer.uniqueId("java-drop");
        try (CounterClient a = CounterClient.connect(tandem, id).join();
                CounterClient other = CounterClient.connect(tandem, id).join()) {
            a.actions().increment(1).join();
            List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
            a.connection().onStatus(statuses::add);
            server.bean(LiveObjects.class).disconnectAll("counter", id);
            Await.until(() -> statuses.contains(ConnectionStatus.RECONNECTING), "the client notices the drop");
            CompletableFuture<Long> queued = a.actions().increment(10);
            other.actions().increment(100);
            long ranAt = queued.join();
            assertTrue(ranAt == 11 || ranAt == 111, "the queued call ran once, before or after the other: " + ranAt);
            Await.until(() -> a.state().count() == 111, "both changes arrive");
            assertEquals(ConnectionStatus.OPEN, a.status());
            assertEquals(111, a.actions().get().join(), "the queued call ran exactly once");
        }
    }

    @Test
    void refusalsFailTheConnectWithTheServersReason() {
        CompletionException e = assertThrows(CompletionException.class,
                () -> tandem.connect("chess", "x").join());
        CallFailedException failed = (CallFailedException) e.getCause();
        assertEquals("not_found", failed.code());
        assertTrue(failed.getMessage().startsWith("no live-object type 'chess'"), failed.getMessage());
        try (RoomClient room = RoomClient.connect(tandem, TestServer.uniqueId("j-room")).join()) {
            assertEquals(1, room.state().online().size());
        }
    }
}
