package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import dev.tandem.runtime.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Micronaut Security's {@code @Secured} on the {@code payout} fixture, with basic-auth users:
 * alice is an admin, bob has no role. The class requires a signed-in user (for reads and every
 * action without its own {@code @Secured}); {@code approve} requires the admin role.
 */
class SecuredTest {

    static TestServer server;
    static final String ALICE = TestUsers.basic("alice", "wonderland");
    static final String BOB = TestUsers.basic("bob", "builder");

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

    private static Snapshot state(String id) {
        return server.bean(LiveObjects.class).read("payout", id).join();
    }

    @Test
    void anAnonymousClientCannotJoinAClassSecuredForSignedInUsers() {
        String id = TestServer.uniqueId("payout-anon");
        try (TestSocket anonymous = server.connect("payout", id)) {
            JsonNode error = anonymous.awaitType("error");
            assertEquals("forbidden", error.get("code").asText());
            assertTrue(error.get("message").asText().contains("its class is @Secured(\"isAuthenticated()\"), which does"
                    + " not admit anonymous user"), error.toString());
            assertEquals(4403, anonymous.awaitClose());
        }
        try (TestSocket bob = server.connect("payout", id, "", "Authorization", BOB)) {
            assertEquals("pending", bob.awaitType("snapshot").get("state").get("status").asText());
        }
    }

    @Test
    void onlyAnAdminMayApprove() {
        String id = TestServer.uniqueId("payout-approve");
        try (TestSocket bob = server.connect("payout", id, "", "Authorization", BOB);
                TestSocket alice = server.connect("payout", id, "", "Authorization", ALICE)) {
            bob.awaitType("snapshot");
            alice.awaitType("snapshot");
            long revision = state(id).revision();
            JsonNode refused = bob.awaitAnswer(bob.call("approve"));
            assertEquals("forbidden", refused.get("code").asText());
            assertEquals("you may not call 'approve' on payout/" + id + ": it is @Secured(\"admin\"), which does not admit"
                    + " user 'bob'", refused.get("message").asText());
            alice.expectNoMessage("a patch from bob's refused call");
            assertEquals(revision, state(id).revision());
            assertEquals("result", bob.awaitAnswer(bob.call("comment", "please")).get("type").asText(),
                    "the class-level rule lets a signed-in user comment");
            assertEquals("result", alice.awaitAnswer(alice.call("approve")).get("type").asText());
            assertEquals("approved by alice", state(id).state().get("status").asText());
        }
    }

    @Test
    void overHttpTheSameRulesAnswer403() {
        String id = TestServer.uniqueId("payout-http");
        String approve = "/tandem/objects/payout/" + id + "/actions/approve";
        assertEquals(403, server.post("/tandem/objects/payout/" + id + "/actions/comment", "[\"hi\"]").status(),
                "anonymous");
        TestServer.Response bob = server.post(approve, "[]", "Authorization", BOB);
        assertEquals(403, bob.status());
        assertEquals("forbidden", bob.body().get("code").asText());
        assertEquals("pending", state(id).state().get("status").asText(), "nothing changed");
        assertEquals(200, server.post(approve, "[]", "Authorization", ALICE).status());

        assertEquals(403, server.get("/tandem/objects/payout/" + id).status(), "an anonymous read");
        assertEquals("approved by alice", server.post("/tandem/objects/payout/" + id + "/actions/current", "[]")
                .body().get("value").asText(), "an action's own @Secured(isAnonymous()) replaces the class's");
    }
}
