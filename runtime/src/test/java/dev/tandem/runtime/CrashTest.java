package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.ServerProcess;
import dev.tandem.runtime.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At most once across crashes: a real server process is killed (SIGKILL) while calls stream in,
 * restarted on the same database, and the client resends every call it got no answer for, as the
 * shipped clients do. Every call must have run exactly once: once because the client resent until
 * answered, at most once because calls that were stored but unanswered at the kill are recognised.
 */
class CrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ANSWERED = 600;
    private static final int CALLS = 800; // the last 200 are stored but unanswered when the server dies
    private static final int IN_FLIGHT = 200; // within tandem.resume.call-cache-size (256)
    private static final Map<String, String> SETTINGS = Map.of(
            "tandem.limits.calls-per-second", "1000000", "tandem.limits.call-burst", "1000000");

    /** A client socket that records which calls were answered, and how. */
    private static final class Client implements WebSocket.Listener {
        final Map<Long, JsonNode> answers = new ConcurrentHashMap<>();
        final CompletableFuture<JsonNode> snapshot = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        volatile boolean paused;
        WebSocket socket;

        static Client open(String url) {
            Client c = new Client();
            c.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), c)
                    .orTimeout(10, TimeUnit.SECONDS).join();
            return c;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    if (m.has("id")) {
                        answers.putIfAbsent(m.get("id").asLong(), m);
                    } else if ("snapshot".equals(m.path("type").asText())) {
                        snapshot.complete(m);
                    }
                } catch (Exception e) {
                    closed.completeExceptionally(e);
                }
                text.setLength(0);
            }
            if (!paused) {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(1006);
        }

        void append(long call) {
            socket.sendText("{\"type\":\"call\",\"id\":" + call + ",\"action\":\"append\",\"args\":[" + call + "]}", true)
                    .orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void aCallStoredButUnansweredAtAKillIsNotRunAgainByItsResend() throws Exception {
        Path data = Files.createTempDirectory("tandem-crash");
        String id = TestServer.uniqueId("crash");
        String query;
        Set<Long> answeredBeforeKill;
        try (ServerProcess first = ServerProcess.start(data, SETTINGS)) {
            // the same user after the restart: its credential verifies under the key stored in the database
            query = "?session=" + TestServer.issueSession("http://127.0.0.1:" + first.port()) + "&client=crash-client";
            Client client = Client.open(first.wsUrl("counter", id) + query);
            client.snapshot.get(10, TimeUnit.SECONDS);
            // Calls stream in and are answered...
            for (long call = 0; call < ANSWERED; call++) {
                long sent = call;
                // like any client within the guarantee: at most IN_FLIGHT calls unanswered at once
                Await.until(() -> sent - client.answers.size() < IN_FLIGHT, "room for another call");
                client.append(call);
            }
            Await.until(() -> client.answers.size() == ANSWERED, "the first calls are answered");
            // ...then the answers stop getting through (the client stops reading), while more calls
            // run and are stored: when the server dies, they are stored but unanswered.
            client.paused = true;
            for (long call = ANSWERED; call < CALLS; call++) {
                client.append(call);
            }
            Await.until(() -> storedLog(first.port(), id).size() == CALLS, "every call is stored");
            first.kill();
            answeredBeforeKill = Set.copyOf(client.answers.keySet());
        }
        // one answer may already have been requested when the client paused
        assertTrue(CALLS - answeredBeforeKill.size() >= CALLS - ANSWERED - 1, "calls stored but unanswered at the kill");
        try (ServerProcess second = ServerProcess.start(data, SETTINGS)) {
            Client client = Client.open(second.wsUrl("counter", id) + query);
            client.snapshot.get(10, TimeUnit.SECONDS);
            for (long call = 0; call < CALLS; call++) {
                if (!answeredBeforeKill.contains(call)) {
                    client.append(call); // as the clients do: everything not answered is sent again
                }
            }
            Await.until(() -> client.answers.size() == CALLS - answeredBeforeKill.size(), "every resend is answered");
            client.answers.values().forEach(a -> assertEquals("result", a.path("type").asText(), a.toString()));
            List<Long> log = storedLog(second.port(), id);
            Map<Long, Long> runs = log.stream().collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
            Map<Long, Long> twice = runs.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(Map.of(), twice, "calls that ran more than once");
            assertEquals(CALLS, runs.size(), "every call ran once");
        }
    }

    /** The counter's log as the server shows it over HTTP (released only once stored). */
    private static List<Long> storedLog(int port, String id) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/tandem/objects/counter/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            return values(JSON.readTree(r.body()).path("state").path("log"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> values(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asLong()));
        return out;
    }
}
