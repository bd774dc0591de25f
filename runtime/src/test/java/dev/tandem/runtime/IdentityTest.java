package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import dev.tandem.runtime.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With Micronaut Security, the user is the authenticated principal and a session credential is ignored. */
class IdentityTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "micronaut.security.enabled", true,
                "micronaut.security.intercept-url-map", List.of(Map.of("pattern", "/tandem/**", "access",
                        List.of("isAnonymous()")))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAuthenticatedSocketIsThePrincipalWhateverSessionItClaims() {
        String id = TestServer.uniqueId("secure");
        try (TestSocket alice = server.connect("room", id, "session=bob",
                "Authorization", TestUsers.basic("alice", "wonderland"))) {
            assertEquals("alice", alice.awaitType("snapshot").get("userId").asText());
            assertEquals("alice (authenticated)", alice.awaitAnswer(alice.call("whoAmI")).get("value").asText());
        }
        try (TestSocket anonymous = server.connect("room", id, "session=bob")) {
            String who = anonymous.awaitAnswer(anonymous.call("whoAmI")).get("value").asText();
            assertTrue(who.startsWith("u-") && !who.contains("authenticated"),
                    "without a login, 'bob' is no credential: a new anonymous user, got " + who);
        }
    }

    @Test
    void anAuthenticatedHttpCallIsThePrincipal() {
        String id = TestServer.uniqueId("secure-http");
        TestServer.Response r = server.post("/tandem/objects/room/" + id + "/actions/whoAmI", "[]",
                "Authorization", TestUsers.basic("bob", "builder"), "X-Tandem-Session", "alice");
        assertEquals("bob (authenticated)", r.body().get("value").asText());
    }
}
