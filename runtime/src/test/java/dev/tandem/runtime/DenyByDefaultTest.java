package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.internal.Frames;
import dev.tandem.runtime.storage.StateStore;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tandem.security.deny-by-default: true}: clients may not read a type without
 * {@code @AllowRead} ({@code counter}) nor call an action no rule covers; types with rules
 * ({@code vault}) work as their rules say; the server itself is not checked.
 */
class DenyByDefaultTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("tandem.security.deny-by-default", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTypeWithoutRulesIsRefusedAndARefusedJoinStoresNothing() {
        String id = TestServer.uniqueId("deny-join");
        try (TestSocket client = server.connect("counter", id)) {
            JsonNode error = client.awaitType("error");
            assertEquals("forbidden", error.get("code").asText());
            assertEquals("you may not read counter/" + id + ": Counter has no @AllowRead method, and"
                    + " tandem.security.deny-by-default refuses reads no rule allows", error.get("message").asText());
            assertEquals(4403, client.awaitClose());
        }
        assertEquals(404, server.get("/tandem/objects/counter/" + id).status(),
                "the refused join did not create it");
        assertTrue(server.bean(StateStore.class).load("counter", id).isEmpty(), "no row was written");
    }

    @Test
    void aTypeWithoutRulesRefusesHttpReadsAndCallsButNotTheServer() {
        String id = TestServer.uniqueId("deny-http");
        LiveObjects objects = server.bean(LiveObjects.class);
        assertEquals(1, objects.call("counter", id, "increment", Frames.JSON.createArrayNode().add(1),
                LiveObjects.system("setup")).join().value().asLong(), "the server's own call is not checked");
        TestServer.Response read = server.get("/tandem/objects/counter/" + id);
        assertEquals(403, read.status());
        assertEquals("forbidden", read.body().get("code").asText());
        TestServer.Response call = server.post("/tandem/objects/counter/" + id + "/actions/increment", "[1]");
        assertEquals(403, call.status());
        assertEquals("you may not call 'increment' on counter/" + id + ": no @AllowWrite rule or @Secured covers it, and"
                + " tandem.security.deny-by-default refuses calls no rule allows", call.body().get("message").asText());
        assertEquals(404, server.post("/tandem/objects/counter/" + id + "/actions/nope", "[]").status(),
                "an unknown action is still answered as unknown_action");
        assertEquals(1, objects.read("counter", id).join().state().get("count").asLong(), "nothing changed");
    }

    @Test
    void typesWithRulesFollowTheirRules() {
        String id = TestServer.uniqueId("deny-vault");
        try (TestSocket alice = server.connect("vault", id, "session=alice")) {
            alice.awaitType("snapshot");
            assertEquals(1, alice.awaitAnswer(alice.call("open")).get("value").asInt());
        }
    }

    @Test
    void aTypoInTheSettingIsRefusedAtStartNamingTheKeyAndTheAllowedValues() {
        Throwable failure = assertThrows(RuntimeException.class,
                () -> TestServer.start(Map.of("tandem.security.deny-by-default", "yes")).close());
        String messages = "";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages += t.getMessage() + "\n";
        }
        assertTrue(messages.contains("tandem.security.deny-by-default is 'yes'; allowed: false (the default"), messages);
    }
}
