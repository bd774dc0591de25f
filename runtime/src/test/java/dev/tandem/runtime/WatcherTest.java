package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A watcher copies every ID-like string it can see (user IDs and connection IDs in state, in
 * snapshots, patches and HTTP reads) and presents each as a credential, over WebSocket and HTTP:
 * it is never taken for the user it watched, and never for anyone it has been before.
 */
class WatcherTest {

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
    void everyIdAWatcherSeesIsUselessAsACredential() {
        String id = TestServer.uniqueId("watched");
        try (TestSocket watcherBook = server.connect("guestbook", id, "");
             TestSocket watcherRoom = server.connect("room", id, "")) {
            watcherBook.awaitType("snapshot");
            watcherRoom.awaitType("snapshot");
            String victimId;
            String victimCredential;
            try (TestSocket victim = server.connect("guestbook", id, "");
                 TestSocket victimInRoom = server.connect("room", id, "")) {
                JsonNode issued = victim.awaitType("session");
                victimCredential = issued.get("session").asText();
                victimId = issued.get("userId").asText();
                assertEquals(victimId, victim.awaitAnswer(victim.call("sign")).get("value").asText());
                victimInRoom.awaitType("snapshot");
                victimInRoom.awaitAnswer(victimInRoom.call("say", "hello"));
                victimInRoom.awaitAnswer(victimInRoom.call("move", 1.0, 2.0));
                watcherBook.await(m -> m.toString().contains(victimId), "the victim's signature");
                watcherRoom.await(m -> m.toString().contains("hello"), "the victim's message");
            }
            List<JsonNode> frames = new ArrayList<>(watcherBook.seen());
            frames.addAll(watcherBook.drainNow());
            frames.addAll(watcherRoom.seen());
            frames.addAll(watcherRoom.drainNow());
            frames.add(server.get("/tandem/objects/room/" + id).body());
            frames.add(server.get("/tandem/objects/guestbook/" + id).body());
            Set<String> candidates = new LinkedHashSet<>();
            for (JsonNode frame : frames) {
                assertFalse(frame.toString().contains(victimCredential), "the credential never reaches another connection");
                if (!"session".equals(frame.path("type").asText())) { // the watcher's own credential is no secret to it
                    collect(frame, candidates);
                }
            }
            assertTrue(candidates.contains(victimId), "the watcher did see the victim's user ID: " + candidates);

            Set<String> identities = new HashSet<>(Set.of(victimId));
            for (String candidate : candidates) {
                String asSocket = signOverSocket(id, candidate);
                assertTrue(identities.add(asSocket), "presenting '" + candidate + "' over WebSocket made the watcher "
                        + asSocket + ", someone it was not allowed to be");
                String asHttp = server.post("/tandem/objects/guestbook/" + id + "/actions/sign", "[]",
                        "X-Tandem-Session", candidate).body().get("value").asText();
                assertTrue(identities.add(asHttp), "presenting '" + candidate + "' over HTTP made the watcher " + asHttp);
                String asQuery = server.post("/tandem/objects/guestbook/" + id + "/actions/sign?session="
                        + URLEncoder.encode(candidate, StandardCharsets.UTF_8), "[]").body().get("value").asText();
                assertTrue(identities.add(asQuery), "presenting '" + candidate + "' as ?session= made the watcher " + asQuery);
            }
            JsonNode signatures = server.get("/tandem/objects/guestbook/" + id).body().at("/state/signatures");
            int byVictim = 0;
            for (JsonNode s : signatures) {
                byVictim += s.asText().equals(victimId) ? 1 : 0;
            }
            assertEquals(1, byVictim, "only the victim ever signed as the victim: " + signatures);
        }
    }

    private static String signOverSocket(String id, String credential) {
        try (TestSocket s = server.connect("guestbook", id, "session=" + URLEncoder.encode(credential, StandardCharsets.UTF_8))) {
            return s.awaitAnswer(s.call("sign")).get("value").asText();
        }
    }

    /** Every text and member name in {@code node}, and each word of the texts: anything that might be an ID. */
    private static void collect(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            String text = node.asText();
            into.add(text);
            for (String word : text.split("[\\s:,]+")) {
                if (!word.isEmpty()) {
                    into.add(word);
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            into.add(e.getKey());
            collect(e.getValue(), into);
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        }
    }
}
