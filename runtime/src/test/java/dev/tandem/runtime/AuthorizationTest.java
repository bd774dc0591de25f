package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.fixtures.Greetings;
import dev.tandem.runtime.storage.StateStore;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @AllowRead} and {@code @AllowWrite} without Micronaut Security, on the {@code vault}
 * fixture: the first user to connect owns it, shares it with readers, and alone may change it.
 * Every refusal is {@code forbidden} and changes nothing.
 */
class AuthorizationTest {

    static TestServer server;
    static TestServer.User asAlice;
    static TestServer.User asBob;
    static TestServer.User asMallory;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        asAlice = server.user();
        asBob = server.user();
        asMallory = server.user();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Snapshot state(String id) {
        return server.bean(LiveObjects.class).read("vault", id).join();
    }

    /** alice connects first (so she owns the vault) and shares it with {@code readers}. */
    private static TestSocket ownedByAlice(String id, String... readers) {
        TestSocket alice = server.connect("vault", id, "session=" + asAlice.session());
        alice.awaitType("snapshot");
        for (String reader : readers) {
            assertEquals("result", alice.awaitAnswer(alice.call("share", reader)).get("type").asText());
        }
        return alice;
    }

    @Test
    void aJoinRefusedByAllowReadIsClosedWith4403BeforeOnConnectRuns() {
        String id = TestServer.uniqueId("vault-join");
        try (TestSocket alice = ownedByAlice(id)) {
            Snapshot before = state(id);
            try (TestSocket mallory = server.connect("vault", id, "session=" + asMallory.session())) {
                JsonNode error = mallory.awaitType("error");
                assertEquals("forbidden", error.get("code").asText());
                assertEquals("you may not read vault/" + id + ": its @AllowRead refused anonymous user '" + asMallory.id() + "'",
                        error.get("message").asText());
                assertEquals(4403, mallory.awaitClose());
                assertTrue(mallory.seen().stream().noneMatch(m -> m.path("type").asText().equals("snapshot")),
                        "no state reached the refused client");
            }
            alice.expectNoMessage("a patch from a refused join");
            Snapshot after = state(id);
            assertEquals(before.revision(), after.revision(), "nothing changed");
            assertEquals(List.of(asAlice.id()), List.of(after.state().get("visitors").get(0).asText()));
            assertEquals(1, after.state().get("visitors").size(), "@OnConnect did not run for the refused client");
        }
    }

    @Test
    void aResumeIsCheckedAgain() {
        String id = TestServer.uniqueId("vault-resume");
        try (TestSocket alice = ownedByAlice(id, asBob.id())) {
            long rev;
            String epoch;
            try (TestSocket bob = server.connect("vault", id, "session=" + asBob.session())) {
                JsonNode snapshot = bob.awaitType("snapshot");
                rev = snapshot.get("rev").asLong();
                epoch = snapshot.get("epoch").asText();
            }
            alice.awaitAnswer(alice.call("unshare", asBob.id()));
            long revision = state(id).revision();
            try (TestSocket bob = server.connect("vault", id, "session=" + asBob.session() + "&rev=" + rev + "&epoch=" + epoch)) {
                assertEquals("forbidden", bob.awaitType("error").get("code").asText());
                assertEquals(4403, bob.awaitClose());
                assertTrue(bob.seen().stream().noneMatch(TestSocket::isPatch), "no missed patch was sent");
            }
            assertEquals(revision, state(id).revision());
        }
    }

    @Test
    void aCallRefusedByAllowWriteIsAForbiddenAnswerAndChangesNothing() {
        String id = TestServer.uniqueId("vault-call");
        try (TestSocket alice = ownedByAlice(id, asBob.id());
                TestSocket bob = server.connect("vault", id, "session=" + asBob.session() + "&client=bobs-tab")) {
            bob.awaitType("snapshot");
            long revision = state(id).revision();
            alice.awaitPatch(revision); // bob's visit
            bob.callWithId(41, "open");
            JsonNode refused = bob.awaitAnswer(41);
            assertEquals("error", refused.get("type").asText());
            assertEquals("forbidden", refused.get("code").asText());
            assertEquals("you may not call 'open' on vault/" + id + ": @AllowWrite refused anonymous user '" + asBob.id() + "'",
                    refused.get("message").asText());
            bob.callWithId(41, "open"); // a resend: answered again with the same refusal, never run
            assertEquals(refused, bob.awaitAnswer(41));
            alice.expectNoMessage("a patch from a refused call");
            assertEquals(revision, state(id).revision(), "no revision");
            assertEquals(0, state(id).state().get("opened").asInt(), "the body did not run");

            assertEquals(0, bob.awaitAnswer(bob.call("peek")).get("value").asInt(),
                    "the per-action rule for peek lets a reader in, in place of the general rule");
            assertEquals(1, alice.awaitAnswer(alice.call("open")).get("value").asInt(), "the owner may");
        }
    }

    @Test
    void aRefusalIsTheCallsAnswerForAtMostOnceDelivery() {
        String id = TestServer.uniqueId("vault-once");
        try (TestSocket alice = ownedByAlice(id, asBob.id());
                TestSocket bob = server.connect("vault", id, "session=" + asBob.session() + "&client=bobs-tab")) {
            bob.awaitType("snapshot");
            alice.awaitAnswer(alice.call("unshare", asBob.id())); // bob stays connected: a joined client is not re-checked
            bob.callWithId(7, "peek");
            JsonNode refused = bob.awaitAnswer(7);
            assertEquals("forbidden", refused.get("code").asText());
            alice.awaitAnswer(alice.call("share", asBob.id()));
            bob.callWithId(7, "peek");
            assertEquals(refused, bob.awaitAnswer(7), "the resend gets the remembered refusal, though bob may now peek");
            assertEquals("result", bob.awaitAnswer(bob.call("peek")).get("type").asText(), "a new call is checked anew");
        }
    }

    @Test
    void aRuleThatThrowsActionRejectedRefusesWithItsMessage() {
        String id = TestServer.uniqueId("vault-smash");
        try (TestSocket alice = ownedByAlice(id)) {
            JsonNode refused = alice.awaitAnswer(alice.call("smash"));
            assertEquals("forbidden", refused.get("code").asText());
            assertEquals("Nobody may smash the vault, " + asAlice.id(), refused.get("message").asText());
            assertEquals(0, state(id).state().get("opened").asInt());
        }
    }

    @Test
    void httpReadsAndCallsObeyTheRules() {
        String id = TestServer.uniqueId("vault-http");
        try (TestSocket alice = ownedByAlice(id, asBob.id())) {
            long revision = state(id).revision();
            TestServer.Response read = server.get("/tandem/objects/vault/" + id + "?session=" + asMallory.session());
            assertEquals(403, read.status());
            assertEquals("forbidden", read.body().get("code").asText());
            assertTrue(read.body().get("message").asText().contains("its @AllowRead refused"), read.body().toString());
            assertEquals(200, server.get("/tandem/objects/vault/" + id + "?session=" + asBob.session()).status());

            TestServer.Response call = server.post("/tandem/objects/vault/" + id + "/actions/open", "[]",
                    "X-Tandem-Session", asBob.session());
            assertEquals(403, call.status());
            assertEquals("forbidden", call.body().get("code").asText());
            assertEquals(revision, state(id).revision(), "nothing changed");
            assertEquals(200, server.post("/tandem/objects/vault/" + id + "/actions/open", "[]",
                    "X-Tandem-Session", asAlice.session()).status());
        }
    }

    @Test
    void withoutAnAllowWriteRuleOnlyThoseAllowedToReadMayCallEvenOverHttp() {
        String id = TestServer.uniqueId("club");
        try (TestSocket founder = server.connect("club", id, "session=" + asAlice.session())) {
            founder.awaitType("snapshot");
            for (String action : List.of("join", "password")) {
                TestServer.Response call = server.post("/tandem/objects/club/" + id + "/actions/" + action, "[]",
                        "X-Tandem-Session", asMallory.session());
                assertEquals(403, call.status(), action);
                assertEquals("you may not call '" + action + "' on club/" + id + ": no @AllowWrite rule or @Secured"
                        + " covers it, so its @AllowRead decides, and it refused anonymous user '" + asMallory.id() + "'",
                        call.body().get("message").asText());
            }
            founder.expectNoMessage("a patch from a refused call");
            assertEquals(List.of(asAlice.id()), List.of(server.bean(LiveObjects.class).read("club", id).join().state()
                    .get("members").get(0).asText()));
            assertEquals("hunter2", server.post("/tandem/objects/club/" + id + "/actions/password", "[]",
                    "X-Tandem-Session", asAlice.session()).body().get("value").asText(), "a member may");
        }
    }

    @Test
    void anHttpReadOfANeverUsedIdIsNotFoundAndCreatesNothing() {
        String id = TestServer.uniqueId("vault-never");
        TestServer.Response read = server.get("/tandem/objects/vault/" + id + "?session=" + asAlice.session());
        assertEquals(404, read.status());
        assertEquals("not_found", read.body().get("code").asText());
        assertEquals("vault/" + id + " does not exist: reading never creates an instance. Connect to it or call one of"
                + " its actions to create it", read.body().get("message").asText());
        assertEquals(404, server.get("/tandem/objects/counter/" + id).status(), "a type without rules as well");
        int greetings = server.bean(Greetings.class).made.get();
        assertEquals(404, server.get("/tandem/objects/greeter/" + id).status());
        assertEquals(greetings, server.bean(Greetings.class).made.get(), "the object was not even made: no @OnCreate");
        assertTrue(server.bean(StateStore.class).load("vault", id).isEmpty(), "no row was written");
        assertTrue(server.bean(StateStore.class).load("counter", id).isEmpty(), "no row was written");

        try (TestSocket alice = server.connect("vault", id, "session=" + asAlice.session())) {
            alice.awaitType("snapshot");
            assertEquals(200, server.get("/tandem/objects/vault/" + id + "?session=" + asAlice.session()).status(),
                    "once created, it reads");
        }
        assertEquals(200, server.post("/tandem/objects/counter/" + id + "/actions/get", "[]").status());
        assertEquals(200, server.get("/tandem/objects/counter/" + id).status(),
                "a call creates an instance, even one that changes nothing");
        assertTrue(server.bean(StateStore.class).load("counter", id).isPresent(), "and stores it");
    }

    @Test
    void theServerItselfIsNotChecked() {
        String id = TestServer.uniqueId("vault-server");
        try (TestSocket alice = ownedByAlice(id)) {
            LiveObjects objects = server.bean(LiveObjects.class);
            assertEquals(1, objects.call("vault", id, "open", null, LiveObjects.system("janitor")).join().value().asInt());
            assertEquals(1, objects.read("vault", id).join().state().get("opened").asInt());
        }
    }
}
