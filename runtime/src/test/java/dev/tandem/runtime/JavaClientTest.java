package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.client.CallFailedException;
import dev.tandem.client.ConnectionStatus;
import dev.tandem.client.TandemClient;
import dev.tandem.runtime.fixtures.CounterClient;
import dev.tandem.runtime.fixtures.GuestbookClient;
import dev.tandem.runtime.fixtures.RoomClient;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated Java clients against a real server: typed state and calls, reconnect and resume. */
class JavaClientTest {

    static TestServer server;
    static TandemClient tandem;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("tandem.limits.max-connections-per-instance", "3"));
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
    void theClientIsOneUserOnAllItsConnectionsAndAcrossRunsWithItsSavedCredential() {
        String id = TestServer.uniqueId("java-who");
        List<String> issued = new CopyOnWriteArrayList<>();
        String saved;
        String user;
        try (TandemClient client = TandemClient.builder("http://127.0.0.1:" + server.server.getPort())
                .reconnectDelays(Duration.ofMillis(50), Duration.ofMillis(200)).onSession(issued::add).build()) {
            CompletableFuture<GuestbookClient> a = GuestbookClient.connect(client, id);
            CompletableFuture<GuestbookClient> b = GuestbookClient.connect(client, id);
            user = a.join().actions().sign().join();
            assertEquals(user, b.join().actions().sign().join(), "two connections opened together are one user");
            List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
            a.join().connection().onStatus(statuses::add);
            server.bean(LiveObjects.class).disconnectAll("guestbook", id);
            Await.until(() -> statuses.contains(ConnectionStatus.OPEN), "the client is back");
            assertEquals(user, a.join().actions().sign().join(), "the same user after a reconnect");
            saved = client.session().orElseThrow();
            assertEquals(List.of(saved), issued, "one credential, issued once");
            assertTrue(!a.join().connection().state().toString().contains(saved), "never in state");
        }
        try (TandemClient again = TandemClient.builder("http://127.0.0.1:" + server.server.getPort()).session(saved).build();
                GuestbookClient book = GuestbookClient.connect(again, id).join()) {
            assertEquals(user, book.actions().sign().join(), "a saved credential is the same user in a new client");
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

    @Test
    void aClosedPortFailsTheConnectAtOnceWithConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (TandemClient client = TandemClient.builder("http://127.0.0.1:" + port).build()) {
            CallFailedException failed = failure(client.connect("counter", "x"));
            assertEquals("connection_failed", failed.code());
            assertEquals("connection refused: nothing listens at ws://127.0.0.1:" + port + "/tandem/ws/counter/x"
                    + " (is the server running, and is the port right?)", failed.getMessage());
        }
    }

    @Test
    void aServerThatRefusesFailsTheConnectWithItsCodeAndReason() throws Exception {
        String id = TestServer.uniqueId("java-full");
        try (CounterClient a = CounterClient.connect(tandem, id).join();
                CounterClient b = CounterClient.connect(tandem, id).join();
                CounterClient c = CounterClient.connect(tandem, id).join()) {
            CallFailedException failed = failure(tandem.connect("counter", id));
            assertEquals("unavailable", failed.code());
            assertTrue(failed.getMessage().contains("tandem.limits.max-connections-per-instance"), failed.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersFailsTheConnectAfterTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                TandemClient client = TandemClient.builder("http://127.0.0.1:" + silent.getLocalPort())
                        .connectTimeout(Duration.ofMillis(300)).build()) {
            CallFailedException failed = failure(client.connect("counter", "x"));
            assertTrue(Set.of("timeout", "connection_failed").contains(failed.code()), failed.code());
            assertTrue(failed.getMessage().contains("ws://127.0.0.1:" + silent.getLocalPort() + "/tandem/ws/counter/x"),
                    failed.getMessage());
        }
    }

    /** The connect's failure, which must come well before any retry loop or default timeout would end. */
    private static CallFailedException failure(CompletableFuture<?> connect) throws InterruptedException {
        try {
            connect.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (CallFailedException) e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the connect neither failed nor completed within 5 s");
        }
        throw new AssertionError("the connect succeeded");
    }
}
