package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presence over real sockets ({@code Lobby} logs what each hook saw): two tabs of one user are one
 * user, {@code @OnJoin} runs for a user's first connection and {@code @OnLeave} for their last,
 * refused connections never count, and a dropped connection ends in {@code @OnLeave} too.
 */
class PresenceTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestSocket open(String id, TestServer.User user, String name) {
        return server.connect("lobby", id, "session=" + user.session() + "&name=" + name);
    }

    @Test
    void twoTabsOfOneUserJoinOnceAndLeaveOnce() {
        String id = TestServer.uniqueId("lobby");
        TestServer.User bob = server.user();
        TestServer.User ada = server.user();
        try (TestSocket watcher = open(id, bob, "Bob")) {
            JsonNode first = watcher.awaitType("snapshot");
            assertEquals(List.of("connect Bob [Bob x1] 1/1", "join Bob [Bob x1] 1/1"), log(first.at("/state/log")),
                    "@OnConnect then @OnJoin, both seeing the new connection, both in the first snapshot");
            String tab1Id;
            String tab2Id;
            try (TestSocket tab1 = open(id, ada, "Ada")) {
                JsonNode snap1 = tab1.awaitType("snapshot");
                tab1Id = snap1.get("connectionId").asText();
                assertEquals("Ada", snap1.at("/state/online/" + ada.id()).asText(), "the published presence");
                assertEquals("Bob", snap1.at("/state/online/" + bob.id()).asText());
                try (TestSocket tab2 = open(id, ada, "Ada")) {
                    JsonNode snap2 = tab2.awaitType("snapshot");
                    tab2Id = snap2.get("connectionId").asText();
                    assertEquals(ada.id(), snap2.get("userId").asText(), "one user, two tabs");
                    List<String> logged = log(snap2.at("/state/log"));
                    assertEquals("connect Ada [Bob x1, Ada x2] 2/3", logged.get(logged.size() - 1),
                            "the second tab ran @OnConnect and no @OnJoin");
                    assertEquals(4 + 1, logged.size(), logged.toString());
                    assertEquals("[Bob x1, Ada x2] 2/3", value(tab2, tab2.call("here")).asText());
                    assertEquals(List.of(tab1Id, tab2Id), log(value(watcher, watcher.call("tabsOf", ada.id()))),
                            "a user's connections, oldest first");
                    tab1.close(); // the older tab goes; the newer stays
                    JsonNode disconnected = watcher.await(m -> TestSocket.isPatch(m)
                            && m.toString().contains("disconnect Ada"), "the first tab's @OnDisconnect");
                    assertTrue(disconnected.toString().contains("disconnect Ada [Bob x1, Ada x1] 2/2"),
                            "@OnDisconnect no longer sees the closed tab: " + disconnected);
                    JsonNode here = watcher.awaitAnswer(watcher.call("here"));
                    assertEquals("[Bob x1, Ada x1] 2/2", here.get("value").asText(), "Ada is still here");
                    assertEquals(disconnected.get("rev").asLong(), here.get("rev").asLong(),
                            "no @OnLeave turn after closing one of two tabs");
                    assertEquals(List.of(tab2Id), log(value(watcher, watcher.call("tabsOf", ada.id()))));
                    assertEquals("Ada", stateOf(id).at("/online/" + ada.id()).asText());
                }
            }
            List<JsonNode> gone = new ArrayList<>();
            gone.add(watcher.await(m -> TestSocket.isPatch(m) && m.toString().contains("disconnect Ada [Bob x1] 1/1"),
                    "the last tab's @OnDisconnect"));
            gone.add(watcher.await(m -> TestSocket.isPatch(m) && m.toString().contains("leave Ada [Bob x1] 1/1"),
                    "@OnLeave after the last tab closed"));
            assertTrue(gone.get(1).toString().contains("{\"op\":\"remove\",\"path\":\"/online/" + ada.id() + "\"}"),
                    gone.get(1).toString());
            assertEquals(gone.get(0).get("rev").asLong() + 1, gone.get(1).get("rev").asLong(),
                    "@OnDisconnect, then @OnLeave right after it");
            assertEquals(List.of("connect Bob [Bob x1] 1/1", "join Bob [Bob x1] 1/1",
                    "connect Ada [Bob x1, Ada x1] 2/2", "join Ada [Bob x1, Ada x1] 2/2",
                    "connect Ada [Bob x1, Ada x2] 2/3",
                    "disconnect Ada [Bob x1, Ada x1] 2/2",
                    "disconnect Ada [Bob x1] 1/1", "leave Ada [Bob x1] 1/1"), log(stateOf(id).get("log")),
                    "one join and one leave for Ada's two tabs");
            assertFalse(stateOf(id).get("online").has(ada.id()));
        }
    }

    @Test
    void aRefusedConnectionNeverJoinsNorCounts() {
        String id = TestServer.uniqueId("lobby");
        try (TestSocket bob = open(id, server.user(), "Bob")) {
            long rev = bob.awaitType("snapshot").get("rev").asLong();
            try (TestSocket banned = server.connect("lobby", id, "session=" + server.session() + "&name=Eve&banned=1")) {
                assertEquals("You are banned from this lobby", banned.awaitType("error").get("message").asText());
                assertEquals(4403, banned.awaitClose());
            }
            try (TestSocket shy = server.connect("lobby", id, "session=" + server.session() + "&name=Sam&shy=1")) {
                assertEquals("Too shy to join", shy.awaitType("error").get("message").asText(),
                        "@OnJoin refuses like @OnConnect");
                assertEquals(4403, shy.awaitClose());
            }
            JsonNode here = bob.awaitAnswer(bob.call("here"));
            assertEquals("[Bob x1] 1/1", here.get("value").asText(), "neither refused connection is here");
            assertEquals(rev, here.get("rev").asLong(), "nothing changed: the refused @OnConnect's log entry is gone too");
        }
    }

    @Test
    void aSecondUserIsASecondPresentUser() {
        String id = TestServer.uniqueId("lobby");
        TestServer.User ada = server.user();
        TestServer.User bob = server.user();
        try (TestSocket a = open(id, ada, "Ada")) {
            a.awaitType("snapshot");
            TestSocket b = open(id, bob, "Bob");
            JsonNode snap = b.awaitType("snapshot");
            assertEquals(2, snap.at("/state/online").size());
            assertEquals("[Ada x1, Bob x1] 2/2", b.awaitAnswer(b.call("here")).get("value").asText(),
                    "users in the order they arrived");
            b.close();
        }
    }

    @Test
    void aDroppedConnectionEndsInOnLeave() {
        String id = TestServer.uniqueId("lobby");
        TestServer.User ada = server.user();
        try (TestSocket watcher = open(id, server.user(), "Bob"); TestSocket dropped = open(id, ada, "Ada")) {
            watcher.awaitType("snapshot");
            dropped.awaitType("snapshot");
            dropped.abort(); // no close handshake, as when a laptop lid shuts or the network goes
            JsonNode left = watcher.await(m -> TestSocket.isPatch(m) && m.toString().contains("leave Ada [Bob x1] 1/1"),
                    "@OnLeave for the dropped connection");
            assertTrue(left.toString().contains("\"path\":\"/online/" + ada.id() + "\""), left.toString());
        }
    }

    static JsonNode stateOf(String id) {
        return server.get("/tandem/objects/lobby/" + id).body().get("state");
    }

    static JsonNode value(TestSocket socket, long call) {
        JsonNode answer = socket.awaitAnswer(call);
        assertTrue(answer.has("value"), answer.toString());
        return answer.get("value");
    }

    static List<String> log(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
