package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.client.TandemClient;
import dev.tandem.runtime.fixtures.CardTable;
import dev.tandem.runtime.fixtures.CardTableClient;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import dev.tandem.runtime.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What clients may see: {@code @ServerOnly} fields never leave the server and each viewer gets only
 * its own {@code @View}s, checked on every byte a client receives (snapshots, patches, results,
 * resume, HTTP reads, after a rolled-back turn). Users are authenticated (HTTP Basic), so that
 * "alice" and "bob" are the same users on every connection.
 */
class VisibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = TestUsers.basic("alice", "wonderland");
    private static final String BOB = TestUsers.basic("bob", "builder");

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

    private static TestSocket as(String authorization, String id, String query) {
        return server.connect("card-table", id, query, "Authorization", authorization);
    }

    @Test
    void noClientEverReceivesAServerOnlyValueOrAnotherViewersView() throws Exception {
        String id = TestServer.uniqueId("cards");
        List<String> aliceBytes = new ArrayList<>();
        List<String> bobBytes = new ArrayList<>();
        try (TestSocket alice = as(ALICE, id, "");
                TestSocket bob = as(BOB, id, "")) {
            JsonNode snap = alice.awaitType("snapshot");
            assertFalse(snap.get("state").has("hands"), "a server-only field is not in the snapshot");
            assertFalse(snap.get("state").has("seed"));
            assertEquals("[]", snap.at("/state/hand").toString(), "the viewer's own view is");
            long bobRev = bob.awaitType("snapshot").get("rev").asLong();
            long rev = snap.get("rev").asLong();

            JsonNode drawn = alice.awaitAnswer(alice.call("draw", "ALICE-SECRET-1"));
            assertTrue(drawn.get("ops").toString().contains("ALICE-SECRET-1"), "the caller's result carries its view change");
            JsonNode bobSaw = bob.awaitPatch(drawn.get("rev").asLong());
            assertEquals("[]", bobSaw.get("ops").toString(),
                    "a turn that changed only server-only state (and alice's view) is an empty patch for bob");

            bob.awaitAnswer(bob.call("draw", "BOB-SECRET-1"));
            JsonNode given = alice.awaitAnswer(alice.call("give", "bob", "BOB-SECRET-2"));
            assertFalse(given.has("ops") && given.get("ops").toString().contains("BOB"), "alice's result: no bob view");
            JsonNode bobGot = bob.awaitPatch(given.get("rev").asLong());
            assertTrue(bobGot.get("ops").toString().contains("BOB-SECRET-2"), "bob's own view change reaches bob");

            long reseeded = alice.awaitAnswer(alice.call("reseed", "SEED-SECRET-1")).get("rev").asLong();
            bob.awaitPatch(reseeded);
            alice.drainNow(); // everything up to the reseed has arrived, in revision order
            bob.drainNow();
            JsonNode failed = alice.awaitAnswer(alice.call("cheatThenFail", "BOB-SECRET-3"));
            assertEquals("error", failed.get("type").asText());
            alice.expectNoMessage("a patch from the rolled-back turn");
            bob.expectNoMessage("a patch from the rolled-back turn");

            alice.awaitAnswer(alice.call("draw", "ALICE-PLAYED"));
            JsonNode played = alice.awaitAnswer(alice.call("play", "ALICE-PLAYED"));
            bob.awaitPatch(played.get("rev").asLong());
            assertConsecutive(alice, rev);
            assertConsecutive(bob, bobRev);
            aliceBytes.addAll(alice.rawFrames());
            bobBytes.addAll(bob.rawFrames());
        }
        // resume and a fresh snapshot after the rolled-back turn
        try (TestSocket bob = as(BOB, id, "")) {
            JsonNode snap = bob.awaitType("snapshot");
            assertEquals("[\"BOB-SECRET-1\",\"BOB-SECRET-2\"]", snap.at("/state/hand").toString());
            assertEquals("[\"ALICE-PLAYED\"]", snap.at("/state/discard").toString(), "the played card is public");
            bobBytes.addAll(bob.rawFrames());
        }
        aliceBytes.add(read(id, ALICE));
        bobBytes.add(read(id, BOB));
        String anonymous = read(id, null);

        for (String secret : List.of("SEED-SECRET", "BOB-SECRET-3", "\"hands\"", "\"seed\"")) {
            assertNever(aliceBytes, secret, "alice");
            assertNever(bobBytes, secret, "bob");
            assertFalse(anonymous.contains(secret), "an anonymous HTTP read shows " + secret);
        }
        assertNever(aliceBytes, "BOB-SECRET", "alice");
        assertNever(aliceBytes, "bob holds", "alice");
        assertNever(bobBytes, "ALICE-SECRET", "bob");
        assertNever(bobBytes, "alice holds", "bob");
        assertFalse(anonymous.contains("BOB-SECRET"), "an anonymous reader has no hand");
        assertTrue(aliceBytes.get(aliceBytes.size() - 1).contains("\"hand\":[\"ALICE-SECRET-1\"]"),
                "alice's HTTP read has her view");
        assertTrue(bobBytes.get(bobBytes.size() - 1).contains("BOB-SECRET-2"), "bob's HTTP read has his view");
    }

    @Test
    void viewsAreComputedOncePerUserAndEachTabGetsTheUsersChanges() {
        String id = TestServer.uniqueId("tabs");
        try (TestSocket tab1 = as(ALICE, id, "");
                TestSocket tab2 = as(ALICE, id, "");
                TestSocket bob = as(BOB, id, "")) {
            tab1.awaitType("snapshot");
            tab2.awaitType("snapshot");
            bob.awaitType("snapshot");
            int before = CardTable.HAND_COMPUTATIONS.get();
            JsonNode r = bob.awaitAnswer(bob.call("give", "alice", "ALICE-CARD"));
            JsonNode p1 = tab1.awaitPatch(r.get("rev").asLong());
            JsonNode p2 = tab2.awaitPatch(r.get("rev").asLong());
            assertEquals(p1.toString(), p2.toString(), "both tabs of one user get the same frame");
            assertTrue(p1.get("ops").toString().contains("ALICE-CARD"));
            assertEquals(2, CardTable.HAND_COMPUTATIONS.get() - before,
                    "one computation per distinct viewer (alice, bob), not per connection (3)");
        }
    }

    @Test
    void aResumeReplaysPatchesOnlyWhenTheViewersViewsDidNotChangeMeanwhile() {
        String id = TestServer.uniqueId("resume-views");
        try (TestSocket stays = as(ALICE, id, "");
                TestSocket bob = as(BOB, id, "")) {
            stays.awaitType("snapshot");
            bob.awaitType("snapshot");
            long rev;
            String epoch;
            try (TestSocket leaves = as(ALICE, id, "")) {
                JsonNode snap = leaves.awaitType("snapshot");
                rev = snap.get("rev").asLong();
                epoch = snap.get("epoch").asText();
            }
            bob.awaitAnswer(bob.call("draw", "BOB-ONLY"));
            String resume = "rev=" + rev + "&epoch=" + epoch;
            try (TestSocket back = as(ALICE, id, resume)) {
                assertEquals(rev + 1, back.awaitType("resumed").get("rev").asLong(),
                        "alice's views did not change (her other tab kept them known): the missed patch suffices");
                assertNever(back.rawFrames(), "BOB-ONLY", "a resumed alice");
                JsonNode snap = back.seen().stream().filter(m -> "snapshot".equals(m.path("type").asText())).findAny()
                        .orElse(null);
                assertEquals(null, snap);
            }
            long now = bob.awaitAnswer(bob.call("give", "alice", "FOR-ALICE")).get("rev").asLong();
            try (TestSocket back = as(ALICE, id, resume)) {
                JsonNode snap = back.awaitType("snapshot");
                assertEquals(now, snap.get("rev").asLong());
                assertEquals("[\"FOR-ALICE\"]", snap.at("/state/hand").toString(),
                        "her hand changed since her revision: a snapshot with her current view");
            }
        }
    }

    @Test
    void aViewThatThrowsKeepsItsLastValueAndTheTurnCarriesOn() {
        String id = TestServer.uniqueId("broken-view");
        try (TestSocket alice = as(ALICE, id, "")) {
            assertEquals("alice holds 0", alice.awaitType("snapshot").at("/state/label").asText());
            JsonNode broke = alice.awaitAnswer(alice.call("setBreakLabel", true));
            assertEquals("[{\"op\":\"replace\",\"path\":\"/breakLabel\",\"value\":true}]", broke.get("ops").toString(),
                    "the view that threw keeps 'alice holds 0': no op for it");
            JsonNode r = alice.awaitAnswer(alice.call("draw", "X"));
            assertEquals("result", r.get("type").asText(), "the turn commits although a view failed");
            assertFalse(r.get("ops").toString().contains("label"), "the failed view kept its value: no op");
            assertTrue(r.get("ops").toString().contains("/hand"), "the other view still updates");
            alice.awaitAnswer(alice.call("setBreakLabel", false));
            JsonNode fixed = alice.awaitAnswer(alice.call("draw", "Y"));
            assertTrue(fixed.get("ops").toString().contains("alice holds 2"), fixed.toString());
        }
    }

    @Test
    void theTypeListAndModelNameNoServerOnlyField() {
        String types = server.get("/tandem/types").body().toString();
        String model = server.get("/tandem/types/card-table/model").body().toString();
        for (String body : List.of(types, model)) {
            assertFalse(body.contains("\"hands\"") || body.contains("\"seed\""), body);
        }
        assertTrue(model.contains("\"views\""), "the model document lists the views");
    }

    @Test
    void theJavaClientsStateHasItsOwnViewAndNoServerOnlyField() {
        String id = TestServer.uniqueId("java-views");
        String base = "http://127.0.0.1:" + server.server.getPort();
        try (TandemClient ada = TandemClient.builder(base).session("ada-" + id).build();
                TandemClient bob = TandemClient.builder(base).session("bob-" + id).build();
                CardTableClient a = CardTableClient.connect(ada, id).join();
                CardTableClient b = CardTableClient.connect(bob, id).join()) {
            a.actions().draw("ADA-CARD").join();
            assertEquals(List.of("ADA-CARD"), a.state().hand(), "the caller's view, as the call completes");
            Await.until(() -> b.revision() == a.revision(), "bob reaches the revision");
            assertEquals(List.of(), b.state().hand(), "bob's own hand, not ada's");
            assertFalse(java.util.Arrays.stream(CardTableClient.State.class.getRecordComponents())
                    .anyMatch(c -> c.getName().equals("hands") || c.getName().equals("seed")),
                    "the generated State has no server-only component");
        }
    }

    @Test
    void serverOnlyStateIsStoredAndRestoredAfterARestart() {
        String id = TestServer.uniqueId("restart");
        Map<String, Object> props = Map.of("micronaut.security.enabled", true,
                "micronaut.security.intercept-url-map", List.of(Map.of("pattern", "/tandem/**", "access",
                        List.of("isAnonymous()"))));
        TestServer first = TestServer.start(props);
        try (TestSocket alice = first.connect("card-table", id, "", "Authorization", ALICE)) {
            alice.awaitType("snapshot");
            alice.awaitAnswer(alice.call("draw", "KEPT-CARD"));
            alice.awaitAnswer(alice.call("reseed", "SEED-SECRET-KEPT"));
        } finally {
            first.close();
        }
        try (TestServer second = TestServer.start(first.dataDir, props);
                TestSocket alice = second.connect("card-table", id, "", "Authorization", ALICE)) {
            JsonNode snap = alice.awaitType("snapshot");
            assertEquals("[\"KEPT-CARD\"]", snap.at("/state/hand").toString(),
                    "the server-only hands came back from storage (the view shows them)");
            assertFalse(snap.toString().contains("SEED-SECRET"), "and still are not sent");
        }
    }

    private static void assertConsecutive(TestSocket s, long from) {
        List<Long> revs = s.seen().stream().filter(TestSocket::isPatch).map(m -> m.get("rev").asLong()).toList();
        for (int i = 0; i < revs.size(); i++) {
            assertEquals(from + 1 + i, revs.get(i), "revisions with no gap: " + revs);
        }
    }

    private static void assertNever(List<String> frames, String secret, String who) {
        for (String f : frames) {
            assertFalse(f.contains(secret), who + " received " + secret + " in " + f);
        }
    }

    private static String read(String id, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpUrl("/tandem/objects/card-table/" + id)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JSON.readTree(r.body()); // it is JSON
        return r.body();
    }
}
