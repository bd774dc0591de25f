package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.GatedStore;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's read never creates an instance, but an instance a join created in memory exists even
 * while its first write is held back: the read waits for that write, then answers it.
 */
class ReadNeverCreatesTest {

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
    void anInstanceInMemoryButNotYetStoredExists() {
        String id = TestServer.uniqueId("unstored");
        store.close();
        try (TestSocket client = server.connect("counter", id)) {
            Await.until(() -> store.blockedWriters.get() > 0, "the first write is held");
            CompletableFuture<TestServer.Response> read =
                    CompletableFuture.supplyAsync(() -> server.get("/tandem/objects/counter/" + id));
            client.expectNoMessage("a snapshot before the instance is stored");
            assertFalse(read.isDone(), "the read waits for the write, as the snapshot does");
            store.open();
            client.awaitType("snapshot");
            TestServer.Response answer = read.join();
            assertEquals(200, answer.status(), answer.toString());
            assertEquals(0, answer.body().get("state").get("count").asLong());
        }
    }
}
