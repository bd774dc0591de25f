package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lifecycle hooks run as turns; identity comes from the connection; live objects are built through Micronaut. */
class HooksTest {

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
    void connectAndDisconnectHooksAreBroadcastLikeAnyTurn() {
        String id = TestServer.uniqueId("room");
        try (TestSocket a = server.connect("room", id, "session=ada&name=Ada")) {
            JsonNode snap = a.awaitType("snapshot");
            String aId = snap.get("connectionId").asText();
            assertEquals("Ada", snap.at("/state/online/" + aId).asText(), "the snapshot includes the hook's change");
            long rev = snap.get("rev").asLong();
            String bId;
            try (TestSocket b = server.connect("room", id, "session=bob&name=Bob")) {
                JsonNode snapB = b.awaitType("snapshot");
                bId = snapB.get("connectionId").asText();
                JsonNode joined = a.awaitPatch(rev + 1);
                assertTrue(joined.get("ops").toString().contains("\"path\":\"/online/" + bId + "\",\"value\":\"Bob\""),
                        joined.toString());
                b.awaitAnswer(b.call("move", 10.5, 20.0));
                JsonNode moved = a.awaitPatch(rev + 2);
                assertEquals("/cursors/" + bId, moved.at("/ops/0/path").asText(), "one map entry, not the whole map");
                b.awaitAnswer(b.call("move", 11.0, 20.0));
                JsonNode movedAgain = a.awaitPatch(rev + 3);
                assertEquals("[{\"op\":\"replace\",\"path\":\"/cursors/" + bId + "/x\",\"value\":11.0}]",
                        movedAgain.get("ops").toString(), "a move patches the nested value that changed");
            }
            JsonNode left = a.awaitPatch(rev + 4);
            assertTrue(left.get("ops").toString().contains("{\"op\":\"remove\",\"path\":\"/online/" + bId + "\"}"));
            assertTrue(left.get("ops").toString().contains("{\"op\":\"remove\",\"path\":\"/cursors/" + bId + "\"}"));
        }
    }

    @Test
    void aConnectHookThatRejectsRefusesTheConnectionWithItsMessage() {
        String id = TestServer.uniqueId("ban");
        try (TestSocket ok = server.connect("room", id)) {
            long rev = ok.awaitType("snapshot").get("rev").asLong();
            try (TestSocket banned = server.connect("room", id, "banned=yes")) {
                JsonNode error = banned.awaitType("error");
                assertEquals("rejected", error.get("code").asText());
                assertEquals("You are banned from this room", error.get("message").asText());
                assertEquals(4403, banned.awaitClose());
                assertEquals("You are banned from this room", banned.closeReason());
            }
            assertEquals(rev + 1, ok.awaitAnswer(ok.call("say", "still here")).get("rev").asLong(),
                    "the refused join changed nothing");
        }
    }

    @Test
    void identityComesFromTheConnectionNeverFromArguments() {
        String id = TestServer.uniqueId("who");
        try (TestSocket a = server.connect("room", id, "session=alice")) {
            String alice = a.awaitType("snapshot").get("userId").asText();
            assertEquals(alice, a.awaitAnswer(a.call("whoAmI")).get("value").asText());
            JsonNode forged = a.awaitAnswer(a.call("say", "mallory", "hi"));
            assertEquals("bad_arguments", forged.get("code").asText(), "the caller is not an argument");
            a.awaitAnswer(a.call("say", "hi"));
            JsonNode state = server.get("/tandem/objects/room/" + id).body().get("state");
            assertEquals(alice + ": hi", state.at("/messages/0").asText());
        }
    }

    @Test
    void liveObjectsAreCreatedThroughMicronautWithTheirBeans() {
        String id = TestServer.uniqueId("greeter");
        try (TestSocket a = server.connect("greeter", id)) {
            JsonNode snap = a.awaitType("snapshot");
            assertEquals("Hello, " + id + "!", snap.at("/state/greeting").asText(), "@OnCreate used the injected bean");
            assertEquals(1, snap.at("/state/created").asInt());
            assertEquals("Hello, Bo!", a.awaitAnswer(a.call("greet", "Bo")).get("value").asText());
        }
    }
}
