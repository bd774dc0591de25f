package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reconnecting clients get exactly what they missed; a resent call never runs twice. */
class ResumeTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("tandem.resume.buffer-size", "4"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<JsonNode> patches(TestSocket s) {
        return s.seen().stream().filter(TestSocket::isPatch).toList();
    }

    @Test
    void aReconnectingClientGetsExactlyTheMissedPatches() {
        String id = TestServer.uniqueId("resume");
        String session = server.session();
        long rev;
        String epoch;
        try (TestSocket a = server.connect("counter", id, "session=" + session)) {
            JsonNode snap = a.awaitType("snapshot");
            rev = snap.get("rev").asLong();
            epoch = snap.get("epoch").asText();
        }
        try (TestSocket other = server.connect("counter", id)) {
            other.awaitType("snapshot");
            for (int i = 0; i < 3; i++) {
                other.awaitAnswer(other.call("increment", 1));
            }
        }
        try (TestSocket back = server.connect("counter", id, "session=" + session + "&rev=" + rev + "&epoch=" + epoch)) {
            JsonNode resumed = back.awaitType("resumed");
            assertEquals(rev + 3, resumed.get("rev").asLong());
            List<JsonNode> missed = patches(back);
            assertEquals(List.of(rev + 1, rev + 2, rev + 3), missed.stream().map(p -> p.get("rev").asLong()).toList(),
                    "exactly the missed patches, in order: no gap, no duplicate");
            assertFalse(back.seen().stream().anyMatch(m -> "snapshot".equals(m.path("type").asText())));
            back.awaitAnswer(back.call("increment", 1));
            assertEquals(rev + 4, patches(back).get(3).get("rev").asLong(), "live patches follow on");
        }
    }

    @Test
    void aClientTooFarBehindOrFromAnotherEpochGetsASnapshot() {
        String id = TestServer.uniqueId("gap");
        long rev;
        String epoch;
        try (TestSocket a = server.connect("counter", id)) {
            JsonNode snap = a.awaitType("snapshot");
            rev = snap.get("rev").asLong();
            epoch = snap.get("epoch").asText();
            for (int i = 0; i < 6; i++) {
                a.awaitAnswer(a.call("increment", 1)); // more than the buffer of 4
            }
        }
        try (TestSocket late = server.connect("counter", id, "rev=" + rev + "&epoch=" + epoch)) {
            JsonNode snap = late.awaitType("snapshot");
            assertEquals(6, snap.at("/state/count").asLong());
            assertTrue(patches(late).isEmpty(), "no partial patches before the snapshot");
        }
        try (TestSocket other = server.connect("counter", id, "rev=" + (rev + 6) + "&epoch=not-" + epoch)) {
            assertEquals(6, other.awaitType("snapshot").at("/state/count").asLong(), "another epoch: snapshot");
        }
        try (TestSocket ahead = server.connect("counter", id, "rev=" + (rev + 60) + "&epoch=" + epoch)) {
            assertEquals(rev + 6, ahead.awaitType("snapshot").get("rev").asLong(), "a revision from the future: snapshot");
        }
    }

    @Test
    void aCallResentAfterAReconnectReturnsTheFirstResultAndDoesNotRunTwice() {
        String id = TestServer.uniqueId("idem");
        String client = "session=" + server.session() + "&client=" + UUID.randomUUID(); // the clients keep both across reconnects
        JsonNode first;
        try (TestSocket a = server.connect("counter", id, client)) {
            a.awaitType("snapshot");
            a.callWithId(7, "increment", 5);
            first = a.awaitAnswer(7);
            a.abort(); // the connection drops
        }
        try (TestSocket b = server.connect("counter", id, client)) {
            b.awaitType("snapshot");
            b.callWithId(7, "increment", 5); // the client did not see the answer, so it resends
            JsonNode again = b.awaitAnswer(7);
            assertEquals(first.get("value"), again.get("value"));
            assertEquals(first.get("rev"), again.get("rev"));
            b.callWithId(8, "get");
            assertEquals(5, b.awaitAnswer(8).get("value").asLong(), "it ran once");
        }
        try (TestSocket stranger = server.connect("counter", id, "client=" + UUID.randomUUID())) {
            stranger.awaitType("snapshot");
            stranger.callWithId(7, "increment", 5);
            assertEquals(10, stranger.awaitAnswer(7).get("value").asLong(), "call IDs are scoped to their client");
        }
    }

    @Test
    void aCallIdIsItsJsonValueSo7AndQuoted7AreTwoCalls() {
        String id = TestServer.uniqueId("ids");
        try (TestSocket a = server.connect("counter", id, "client=" + UUID.randomUUID())) {
            a.awaitType("snapshot");
            a.sendText("{\"type\":\"call\",\"id\":7,\"action\":\"append\",\"args\":[1]}");
            a.await(m -> m.path("id").isNumber() && "result".equals(m.path("type").asText()), "the answer to 7");
            a.sendText("{\"type\":\"call\",\"id\":\"7\",\"action\":\"append\",\"args\":[2]}");
            JsonNode second = a.await(m -> m.path("id").isTextual(), "the answer to \"7\"");
            assertEquals("result", second.get("type").asText());
            assertEquals("[1,2]", server.get("/tandem/objects/counter/" + id).body().at("/state/log").toString(),
                    "both calls ran");
        }
    }

    @Test
    void anotherUserPresentingTheSameClientIdDoesNotGetItsOutcomes() {
        String id = TestServer.uniqueId("ids");
        String client = UUID.randomUUID().toString();
        try (TestSocket ada = server.connect("counter", id, "session=" + server.session() + "&client=" + client)) {
            ada.awaitType("snapshot");
            ada.callWithId(1, "increment", 5);
            assertEquals(5, ada.awaitAnswer(1).get("value").asLong());
        }
        try (TestSocket bob = server.connect("counter", id, "session=" + server.session() + "&client=" + client)) {
            bob.awaitType("snapshot");
            bob.callWithId(1, "increment", 5);
            assertEquals(10, bob.awaitAnswer(1).get("value").asLong(), "bob's call ran: ada's outcome is hers");
        }
    }
}
