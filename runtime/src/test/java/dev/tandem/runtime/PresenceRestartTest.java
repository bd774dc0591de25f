package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.runtime.support.ServerProcess;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Presence is not stored: a server process is killed while a user is online, and after the restart
 * the published {@code @Field(stored = false)} presence is empty (no ghost) while stored fields are
 * kept, until the user reconnects and {@code @OnJoin} runs again.
 */
class PresenceRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void afterACrashPresenceStartsEmptyAndFillsAsClientsReconnect() throws Exception {
        Path dir = Files.createTempDirectory("tandem-presence");
        String id = TestServer.uniqueId("lobby");
        String session;
        String userId;
        try (ServerProcess first = ServerProcess.start(dir, Map.of())) {
            session = TestServer.issueSession("http://127.0.0.1:" + first.port());
            try (TestSocket ada = TestSocket.open(first.wsUrl("lobby", id) + "?session=" + session + "&name=Ada")) {
                JsonNode snap = ada.awaitType("snapshot");
                userId = snap.get("userId").asText();
                assertEquals("Ada", snap.at("/state/online/" + userId).asText());
                first.kill(); // no @OnDisconnect, no @OnLeave: only what was stored survives
            }
        }
        try (ServerProcess second = ServerProcess.start(dir, Map.of())) {
            JsonNode state = state(second, id);
            assertEquals("{}", state.get("online").toString(), "nobody is here until someone reconnects");
            assertEquals(List.of("connect Ada [Ada x1] 1/1", "join Ada [Ada x1] 1/1"), PresenceTest.log(state.get("log")),
                    "the stored fields survived the crash");
            try (TestSocket ada = TestSocket.open(second.wsUrl("lobby", id) + "?session=" + session + "&name=Ada")) {
                JsonNode snap = ada.awaitType("snapshot");
                assertEquals(userId, snap.get("userId").asText(), "the same user, back");
                assertEquals("Ada", snap.at("/state/online/" + userId).asText(), "@OnJoin ran again");
                assertEquals("join Ada [Ada x1] 1/1", snap.at("/state/log/3").asText());
            }
        }
    }

    private static JsonNode state(ServerProcess server, String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/tandem/objects/lobby/" + id)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("state");
    }
}
