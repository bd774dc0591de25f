package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An existing login plugged in through Micronaut Security: JWT bearer tokens signed with a
 * configured secret (as an identity provider would issue them). The token's subject is the user
 * ID, its roles and claims reach the action through {@code Caller}, over WebSocket and HTTP.
 */
class JwtIdentityTest {

    private static final String SECRET = "jwt-test-secret-0123456789-0123456789-0123456789";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "micronaut.security.enabled", true,
                "micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET,
                "micronaut.security.intercept-url-map", List.of(Map.of("pattern", "/tandem/**", "access",
                        List.of("isAnonymous()")))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token(String subject, String secret) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
                .claim("roles", List.of("player", "admin")).claim("team", "blue")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return "Bearer " + jwt.serialize();
    }

    private static void assertCarol(JsonNode who) {
        assertEquals("carol", who.get("userId").asText());
        assertTrue(who.get("authenticated").asBoolean());
        assertEquals("[\"admin\",\"player\"]", who.get("roles").toString());
        assertEquals("blue", who.get("team").asText());
    }

    @Test
    void aBearerTokenOnTheWebSocketIsTheUserWithItsRolesAndClaims() throws Exception {
        String id = TestServer.uniqueId("jwt");
        try (TestSocket carol = server.connect("guestbook", id, "", "Authorization", token("carol", SECRET))) {
            JsonNode first = carol.await(m -> true, "the first message");
            assertEquals("snapshot", first.get("type").asText(), "a logged-in user gets no session credential");
            assertEquals("carol", first.get("userId").asText());
            assertCarol(carol.awaitAnswer(carol.call("whoAmI")).get("value"));
        }
    }

    @Test
    void aBearerTokenOverHttpIsTheUserWithItsRolesAndClaims() throws Exception {
        String id = TestServer.uniqueId("jwt-http");
        TestServer.Response r = server.post("/tandem/objects/guestbook/" + id + "/actions/whoAmI", "[]",
                "Authorization", token("carol", SECRET), "X-Tandem-Session", server.session());
        assertCarol(r.body().get("value"));
    }

    @Test
    void aBrowserSendsItsTokenAsACookieOnTheWebSocketHandshake() throws Exception {
        String id = TestServer.uniqueId("jwt-cookie");
        String jwt = token("carol", SECRET).substring("Bearer ".length());
        try (TestServer cookies = TestServer.start(Map.of(
                "micronaut.security.enabled", true,
                "micronaut.security.authentication", "cookie",
                "micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET,
                "micronaut.security.intercept-url-map", List.of(Map.of("pattern", "/tandem/**", "access",
                        List.of("isAnonymous()")))));
             TestSocket carol = cookies.connect("guestbook", id, "", "Cookie", "JWT=" + jwt)) {
            assertCarol(carol.awaitAnswer(carol.call("whoAmI")).get("value"));
        }
    }

    @Test
    void aTokenSignedWithAnotherSecretIsNobody() throws Exception {
        String id = TestServer.uniqueId("jwt-forged");
        TestServer.Response r = server.post("/tandem/objects/guestbook/" + id + "/actions/whoAmI", "[]",
                "Authorization", token("carol", "not-the-secret-0123456789-0123456789-0123"));
        JsonNode who = r.body().path("value");
        assertFalse("carol".equals(who.path("userId").asText()) || who.path("authenticated").asBoolean(),
                "a forged token is not carol: " + r);
    }

    @Test
    void aLoginNamedLikeAnAnonymousUserIdIsRefusedNotMadeThatUser() throws Exception {
        String id = TestServer.uniqueId("jwt-collide");
        TestServer.User victim = server.user();
        String expected = "the authenticated principal's name '" + victim.id() + "' has the form of an anonymous user"
                + " ID ('u-' and 20 letters, digits, '-' or '_'), which Tandem reserves for anonymous users; give logins"
                + " names of another form";
        try (TestSocket impostor = server.connect("guestbook", id, "", "Authorization", token(victim.id(), SECRET))) {
            JsonNode error = impostor.awaitType("error");
            assertEquals("forbidden", error.get("code").asText());
            assertEquals(expected, error.get("message").asText());
            assertEquals(4403, impostor.awaitClose());
        }
        TestServer.Response r = server.post("/tandem/objects/guestbook/" + id + "/actions/whoAmI", "[]",
                "Authorization", token(victim.id(), SECRET));
        assertEquals(403, r.status());
        assertEquals(expected, r.body().get("message").asText());
    }
}
