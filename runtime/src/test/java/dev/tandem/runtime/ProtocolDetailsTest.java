package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.RawWebSocket;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protocol details where a malformed input used to get a misleading answer. */
class ProtocolDetailsTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int answerToClose(int code) throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(server.server.getPort(), "/tandem/ws/counter/" + TestServer.uniqueId("close"))) {
            raw.sendClose(code);
            return raw.awaitCloseCode();
        }
    }

    @Test
    void aCloseCodeAClientMayNotSendIsAnsweredWithProtocolError() throws Exception {
        StringBuilder expected = new StringBuilder();
        StringBuilder got = new StringBuilder();
        // codes below 3000 that Netty's decoder itself rejects (0, 999, 1004-1006, 1015-2999) still end
        // the connection without a close frame: see docs/PROTOCOL.md
        for (int invalid : new int[] {5000, 65535}) {
            expected.append(invalid).append("->1002 ");
            got.append(invalid).append("->").append(answerToClose(invalid)).append(' ');
        }
        for (int valid : new int[] {1000, 1001, 1008, 1011, 3000, 4000, 4999}) {
            expected.append(valid).append("->").append(valid).append(' ');
            got.append(valid).append("->").append(answerToClose(valid)).append(' ');
        }
        assertEquals(expected.toString(), got.toString(), "invalid codes get 1002 (RFC 6455 §7.4), valid ones an echo");
    }

    @Test
    void aNumberTooLargeForADoubleIsNamedAsSuch() {
        try (TestSocket a = server.connect("room", TestServer.uniqueId("huge"))) {
            a.awaitType("snapshot");
            a.sendText("{\"type\":\"call\",\"id\":1,\"action\":\"move\",\"args\":[1e400, 2]}");
            JsonNode error = a.awaitAnswer(1);
            assertEquals("bad_arguments", error.get("code").asText());
            assertTrue(error.get("message").asText().endsWith(
                    "argument 'x' expected a finite number, got a number too large for a double (Infinity)"),
                    error.toString());
        }
    }

    @Test
    void aLongInstanceIdIsABadRequestNamingTheLimitOverWebSocketAndHttp() {
        String id = "a".repeat(5000);
        try (TestSocket a = server.connect("counter", id)) {
            JsonNode error = a.awaitType("error");
            assertEquals("bad_request", error.get("code").asText());
            assertTrue(error.get("message").asText().startsWith("an instance ID is 1 to 200 letters"), error.toString());
            assertEquals(4400, a.awaitClose());
        }
        TestServer.Response read = server.get("/tandem/objects/counter/" + id);
        assertEquals(400, read.status());
        assertEquals("bad_request", read.body().get("code").asText());
        assertTrue(read.body().get("message").asText().startsWith("an instance ID is 1 to 200 letters"));
        TestServer.Response call = server.post("/tandem/objects/counter/" + id + "/actions/get", "");
        assertEquals(400, call.status());
        assertEquals("bad_request", call.body().get("code").asText());
    }
}
