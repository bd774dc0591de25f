package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anonymous identity: the server issues a session credential only its holder knows, and the user
 * ID objects see is derived from it one way. The same credential is the same user across reconnects,
 * restarts and key rotations; anything else presented as a credential is a new user.
 */
class SessionCredentialTest {

    private static final String KEY_1 = "first-key-0123456789-0123456789-0123456789";
    private static final String KEY_2 = "second-key-0123456789-0123456789-0123456789";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The first frames of a connection opened with {@code query}: the session message (if any) and the snapshot. */
    private record Opened(String issued, String userId) {
    }

    private static Opened open(TestServer on, String id, String credential) {
        String query = credential == null ? "" : "session=" + URLEncoder.encode(credential, StandardCharsets.UTF_8);
        try (TestSocket socket = on.connect("guestbook", id, query)) {
            JsonNode first = socket.await(m -> true, "the first message");
            String issued = null;
            if ("session".equals(first.path("type").asText())) {
                issued = first.get("session").asText();
                assertEquals(first.get("userId").asText(), socket.awaitType("snapshot").get("userId").asText(),
                        "the session message names the user the snapshot is for");
                return new Opened(issued, first.get("userId").asText());
            }
            assertEquals("snapshot", first.path("type").asText(), "a valid credential gets no session message");
            return new Opened(null, first.get("userId").asText());
        }
    }

    @Test
    void aNewClientGetsACredentialThatIsNotItsUserIdAndKeepsItsIdentityWithIt() {
        String id = TestServer.uniqueId("guest");
        Opened fresh = open(server, id, null);
        assertTrue(fresh.issued() != null && fresh.issued().length() >= 60, "a credential with 128 random bits and a signature");
        assertFalse(fresh.issued().contains(fresh.userId()), "the user ID is not part of the credential");
        for (int i = 0; i < 2; i++) {
            Opened back = open(server, id, fresh.issued());
            assertEquals(fresh.userId(), back.userId(), "the same user on every reconnect");
            assertEquals(null, back.issued(), "and no new credential");
        }
        TestServer.Response http = server.post("/tandem/objects/guestbook/" + id + "/actions/sign", "[]",
                "X-Tandem-Session", fresh.issued());
        assertEquals(fresh.userId(), http.body().get("value").asText(), "the same user over HTTP");
    }

    @Test
    void anythingThatDoesNotVerifyIsAFreshIdentityNeverAnError() {
        String id = TestServer.uniqueId("forged");
        Opened victim = open(server, id, null);
        String signature = victim.issued().substring(victim.issued().lastIndexOf('.') + 1);
        String flipped = victim.issued().substring(0, victim.issued().length() - signature.length())
                + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        for (String forged : new String[] {victim.userId(), flipped, "s1." + victim.userId() + "." + signature,
                "anon-" + victim.userId(), "x".repeat(5000), "s1..", " "}) {
            Opened got = open(server, id, forged);
            assertTrue(got.issued() != null, "a new credential for " + forged);
            assertNotEquals(victim.userId(), got.userId(), "never the victim, whatever was presented: " + forged);
        }
    }

    @Test
    void theGeneratedKeySurvivesARestartOnTheSameDatabase() throws Exception {
        Path data = Files.createTempDirectory("tandem-key");
        String id = TestServer.uniqueId("restart");
        Opened before;
        try (TestServer first = TestServer.start(data, Map.of())) {
            before = open(first, id, null);
        }
        try (TestServer second = TestServer.start(data, Map.of())) {
            Opened after = open(second, id, before.issued());
            assertEquals(before.userId(), after.userId(), "the key is in the database, not in memory");
            assertEquals(null, after.issued());
        }
    }

    @Test
    void configuringAKeyAfterAGeneratedOneKeepsItsUsers() throws Exception {
        Path data = Files.createTempDirectory("tandem-key");
        String id = TestServer.uniqueId("adopt");
        Opened before;
        try (TestServer generated = TestServer.start(data, Map.of())) {
            before = open(generated, id, null);
        }
        try (TestServer configured = TestServer.start(data, Map.of("tandem.security.session-key", KEY_1))) {
            Opened after = open(configured, id, before.issued());
            assertEquals(before.userId(), after.userId(), "the generated key still verifies");
            assertTrue(after.issued() != null && !after.issued().equals(before.issued()), "re-issued under the configured key");
        }
    }

    @Test
    void aRotatedKeyStillVerifiesAndItsHoldersAreReissuedAsTheSameUser() {
        String id = TestServer.uniqueId("rotate");
        Opened old;
        try (TestServer before = TestServer.start(Map.of("tandem.security.session-key", KEY_1))) {
            old = open(before, id, null);
        }
        try (TestServer rotated = TestServer.start(Map.of("tandem.security.session-key", KEY_2,
                "tandem.security.previous-session-keys", java.util.List.of(KEY_1)))) {
            Opened reissued = open(rotated, id, old.issued());
            assertEquals(old.userId(), reissued.userId(), "the same user");
            assertTrue(reissued.issued() != null && !reissued.issued().equals(old.issued()), "a credential under the new key");
            Opened later = open(rotated, id, reissued.issued());
            assertEquals(old.userId(), later.userId());
            assertEquals(null, later.issued(), "the new credential is current");
        }
        try (TestServer retired = TestServer.start(Map.of("tandem.security.session-key", KEY_2))) {
            assertNotEquals(old.userId(), open(retired, id, old.issued()).userId(),
                    "once the old key is dropped, its credentials are strangers");
        }
    }

    @Test
    void aShortConfiguredKeyIsRefusedAtStartWithoutBeingPrinted() {
        Exception e = assertThrows(Exception.class,
                () -> TestServer.start(Map.of("tandem.security.session-key", "hunter2-is-short")).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("tandem.security.session-key is 16 characters long; allowed: a random"
                + " secret of at least 32 characters"), messages.toString());
        assertFalse(messages.toString().contains("hunter2"), "the key itself is never printed");
    }

    @Test
    void theSessionEndpointIssuesOnceAndRecognisesItsCredential() {
        TestServer.Response issued = server.post("/tandem/session", "");
        String session = issued.body().get("session").asText();
        String userId = issued.body().get("userId").asText();
        TestServer.Response again = server.post("/tandem/session", "", "X-Tandem-Session", session);
        assertEquals(userId, again.body().get("userId").asText());
        assertFalse(again.body().has("session"), "nothing new to keep");
    }
}
