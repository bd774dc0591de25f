package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Same ID, same object, for every client; a snapshot first, then patches; results after patches. */
class SharedStateTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoClientsSeeEachOthersChanges() {
        String id = TestServer.uniqueId("shared");
        try (TestSocket a = server.connect("counter", id); TestSocket b = server.connect("counter", id)) {
            JsonNode snapA = a.awaitType("snapshot");
            JsonNode snapB = b.awaitType("snapshot");
            assertEquals(0, snapA.at("/state/count").asLong());
            assertEquals(snapA.get("rev"), snapB.get("rev"));
            assertEquals(snapA.get("epoch"), snapB.get("epoch"), "same instance");
            long rev = snapA.get("rev").asLong();

            long call = a.call("increment", 5);
            JsonNode result = a.awaitAnswer(call);
            assertEquals("result", result.get("type").asText());
            assertEquals(5, result.get("value").asLong());
            assertEquals(rev + 1, result.get("rev").asLong());
            assertEquals("[{\"op\":\"replace\",\"path\":\"/count\",\"value\":5}]", result.get("ops").toString(),
                    "the caller's own patch comes inside its result");
            assertFalse(a.seen().stream().anyMatch(m -> "patch".equals(m.path("type").asText())),
                    "and not a second time as a patch");

            JsonNode patchB = b.awaitPatch(rev + 1);
            assertEquals("patch", patchB.get("type").asText());
            assertEquals(result.get("ops"), patchB.get("ops"));

            long call2 = b.call("increment", 2);
            assertEquals(7, b.awaitAnswer(call2).get("value").asLong());
            assertEquals(7, a.awaitPatch(rev + 2).at("/ops/0/value").asLong());
        }
    }

    @Test
    void aClientThatClosesGetsTheClosingHandshakeAnswered() {
        try (TestSocket a = server.connect("counter", TestServer.uniqueId("bye"))) {
            a.awaitType("snapshot");
            a.sendClose(1000);
            assertEquals(1000, a.awaitClose(), "the server answers a close with a close, not a dropped connection (1006)");
        }
    }

    @Test
    void aJoiningClientGetsTheCurrentState() {
        String id = TestServer.uniqueId("join");
        try (TestSocket a = server.connect("counter", id)) {
            a.awaitType("snapshot");
            a.awaitAnswer(a.call("increment", 3));
            a.awaitAnswer(a.call("append", 42));
            try (TestSocket late = server.connect("counter", id)) {
                JsonNode snap = late.awaitType("snapshot");
                assertEquals(3, snap.at("/state/count").asLong());
                assertEquals("[42]", snap.at("/state/log").toString());
                assertTrue(snap.get("connectionId").asText().startsWith("c"));
            }
        }
    }

    @Test
    void aTurnWithoutChangesSendsNoPatch() {
        String id = TestServer.uniqueId("nochange");
        try (TestSocket a = server.connect("counter", id); TestSocket b = server.connect("counter", id)) {
            long rev = a.awaitType("snapshot").get("rev").asLong();
            b.awaitType("snapshot");
            JsonNode result = a.awaitAnswer(a.call("get"));
            assertEquals(rev, result.get("rev").asLong(), "no change, no new revision");
            assertFalse(result.has("ops"), "no patch in a result without changes");
            b.expectNoMessage("a patch for the read-only call");
            b.awaitAnswer(b.call("increment", 1));
            assertEquals(rev + 1, a.awaitPatch(rev + 1).get("rev").asLong(), "the next change is the next revision");
            a.expectNoMessage("any other patch");
        }
    }
}
