package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.internal.Frames;
import dev.tandem.runtime.storage.StateStore;
import dev.tandem.runtime.storage.StoredState;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.GatedStore;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Durable before visible, group commit, failed and stale writes, what is stored. */
class DurabilityTest {

    static TestServer server;
    static GatedStore store;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("tandem.test.gated-store", "true"));
        store = server.bean(GatedStore.class);
    }

    @AfterEach
    void reopen() {
        store.open();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nothingIsVisibleBeforeItIsStored() throws Exception {
        String id = TestServer.uniqueId("durable");
        try (TestSocket a = server.connect("counter", id); TestSocket b = server.connect("counter", id)) {
            long rev = a.awaitType("snapshot").get("rev").asLong();
            b.awaitType("snapshot");
            store.close();
            long call = a.call("increment", 1);
            Await.until(() -> store.blockedWriters.get() > 0, "the write is held");
            a.expectNoMessage("a result or patch while the write is held");
            b.expectNoMessage("a patch, for other clients, while the write is held");
            store.open();
            assertEquals(1, a.awaitAnswer(call).get("value").asLong());
            assertEquals(rev + 1, b.awaitPatch(rev + 1).get("rev").asLong());
        }
    }

    @Test
    void aFailedWriteShowsNothingAndTheInstanceReloadsWhatWasStored() {
        String id = TestServer.uniqueId("failing");
        try (TestSocket a = server.connect("counter", id); TestSocket b = server.connect("counter", id)) {
            long rev = a.awaitType("snapshot").get("rev").asLong();
            b.awaitType("snapshot");
            assertEquals(1, a.awaitAnswer(a.call("increment", 1)).get("value").asLong());
            assertEquals(1, b.awaitPatch(rev + 1).at("/ops/0/value").asLong());
            store.failNextWrites(1);
            JsonNode error = a.awaitAnswer(a.call("increment", 10));
            assertEquals("unavailable", error.get("code").asText());
            assertFalse(error.has("ops"), "the caller gets no patch of the unstored change either");
            assertTrue(error.get("message").asText().startsWith("the change could not be stored, so it was not applied"),
                    error.toString());
            assertEquals(4503, b.awaitClose(), "clients are told to reconnect");
            // everything the server sent before its close frame has arrived by now
            assertEquals(List.of(), b.drainNow(), "the unstored change was never broadcast, nor anything else");
        }
        try (TestSocket again = server.connect("counter", id)) {
            assertEquals(1, again.awaitType("snapshot").at("/state/count").asLong(), "what was stored survives");
        }
    }

    @Test
    void writesFromManyTurnsAreGroupedIntoFewTransactions() throws Exception {
        LiveObjects objects = server.bean(LiveObjects.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(TestServer.uniqueId("group"));
            objects.read("counter", ids.get(i)).get(); // created and stored
        }
        io.micrometer.core.instrument.Counter turns = server.bean(io.micrometer.core.instrument.MeterRegistry.class)
                .get("tandem.turns").tag("type", "counter").tag("outcome", "ok").counter();
        double turnsBefore = turns.count();
        store.close();
        int before = store.batchSizes.size();
        List<CompletableFuture<CallResult>> calls = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (String id : ids) {
                calls.add(objects.call("counter", id, "increment", Frames.JSON.createArrayNode().add(1),
                        LiveObjects.system("test")));
            }
        }
        Await.until(() -> store.blockedWriters.get() > 0, "the first group is held");
        Await.until(() -> turns.count() >= turnsBefore + 100, "every turn ran, its write queued behind the held group");
        store.open();
        for (CompletableFuture<CallResult> c : calls) {
            c.get();
        }
        List<Integer> groups = store.batchSizes.subList(before, store.batchSizes.size());
        int written = groups.stream().mapToInt(Integer::intValue).sum();
        assertTrue(groups.size() <= 3, "100 turns on 10 instances were stored in " + groups.size() + " transactions");
        assertTrue(written <= 20, "a held instance's turns collapse into one write; wrote " + written);
        for (String id : ids) {
            assertEquals(10, objects.read("counter", id).get().state().get("count").asLong());
        }
    }

    @Test
    void aStaleWriteIsRefusedAndTheInstanceReloads() throws Exception {
        String id = TestServer.uniqueId("stale");
        try (TestSocket a = server.connect("counter", id)) {
            a.awaitType("snapshot");
            a.awaitAnswer(a.call("increment", 1));
            // Another writer (a second node, an operator) moves the stored revision on, writing a
            // snapshot at it and starting a new history, as docs/CONFIGURATION.md tells operators to.
            JdbcOperations jdbc = server.bean(JdbcOperations.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = server.bean(TransactionOperations.class);
            tx.executeWrite(s -> jdbc.prepareStatement("UPDATE tandem_instance SET revision = revision + 100,"
                    + " snapshot_revision = NULL, history = NULL,"
                    + " state = '{\"count\": 50, \"log\": []}' WHERE object_type = 'counter' AND object_id = ?", ps -> {
                        ps.setString(1, id);
                        return ps.executeUpdate();
                    }));
            JsonNode error = a.awaitAnswer(a.call("increment", 1));
            assertEquals("unavailable", error.get("code").asText(), "the stale write did not overwrite");
            assertEquals(4503, a.awaitClose());
        }
        try (TestSocket b = server.connect("counter", id)) {
            assertEquals(50, b.awaitType("snapshot").at("/state/count").asLong(), "the other writer's state is kept");
        }
    }

    @Test
    void anUpdateThatFindsNoRowIsAFailedWriteAndTheInstanceResets() throws Exception {
        String id = TestServer.uniqueId("vanished");
        try (TestSocket a = server.connect("counter", id); TestSocket b = server.connect("counter", id)) {
            a.awaitType("snapshot");
            b.awaitType("snapshot");
            a.awaitAnswer(a.call("increment", 5));
            // The row disappears underneath (an operator, a restore): the next update changes 0 rows.
            JdbcOperations jdbc = server.bean(JdbcOperations.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = server.bean(TransactionOperations.class);
            assertEquals(Integer.valueOf(1), tx.executeWrite(s -> jdbc.prepareStatement("DELETE FROM tandem_instance WHERE object_type ="
                    + " 'counter' AND object_id = ?", ps -> {
                        ps.setString(1, id);
                        return ps.executeUpdate();
                    })));
            JsonNode error = a.awaitAnswer(a.call("increment", 1));
            assertEquals("unavailable", error.get("code").asText(), "an update of 0 rows stored nothing: " + error);
            assertEquals(4503, a.awaitClose(), "the instance resets");
            assertEquals(4503, b.awaitClose(), "and its other clients resync");
        }
        assertTrue(server.bean(StateStore.class).load("counter", id).isEmpty(), "nothing was written in its place");
    }

    @Test
    void onlyStoredFieldsAreWrittenAndStoredStateToleratesChangedFields() throws Exception {
        String id = TestServer.uniqueId("stored");
        try (TestSocket a = server.connect("room", id)) {
            a.awaitType("snapshot");
            a.awaitAnswer(a.call("move", 1.0, 2.0));
            a.awaitAnswer(a.call("say", "hi"));
            StoredState stored = server.bean(StateStore.class).load("room", id).orElseThrow();
            JsonNode state = Frames.JSON.readTree(stored.state());
            assertFalse(state.has("cursors"), "a field kept out of storage is never written: " + state);
            assertTrue(state.has("messages"));
        }
        String old = TestServer.uniqueId("old");
        JdbcOperations jdbc = server.bean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = server.bean(TransactionOperations.class);
        tx.executeWrite(s -> jdbc.prepareStatement("INSERT INTO tandem_instance (object_type, object_id, revision, state,"
                + " created_at, updated_at) VALUES ('counter', ?, 7, '{\"count\": 9, \"removedField\": [1, 2]}',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", ps -> {
                    ps.setString(1, old);
                    return ps.executeUpdate();
                }));
        try (TestSocket b = server.connect("counter", old)) {
            JsonNode snapshot = b.awaitType("snapshot");
            assertEquals(7, snapshot.get("rev").asLong());
            assertEquals(9, snapshot.at("/state/count").asLong(), "stored fields load");
            assertEquals("[]", snapshot.at("/state/log").toString(), "a field added since takes its initial value");
            assertFalse(snapshot.get("state").has("removedField"), "a removed field is ignored");
            assertEquals(10, b.awaitAnswer(b.call("increment", 1)).get("value").asLong());
        }
    }
}
