package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web edge: action calls only as JSON (so a cross-site form or text/plain POST never runs an
 * action, whatever the Host), and browser pages only from allowed origins, over WebSocket and HTTP.
 */
class WebEdgeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestServer server;

    @BeforeAll
    static void start() {
        // Micronaut refuses foreign origins on its own when the server listens on 127.0.0.1 (its
        // protection of local servers); pass-through shows what Tandem does on a public host.
        server = TestServer.start(Map.of("tandem.security.allowed-origins", List.of("https://app.example.com"),
                "micronaut.server.cors.localhost-pass-through", true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String id) {
        return server.get("/tandem/objects/counter/" + id).body().at("/state/count").asLong();
    }

    private static HttpResponse<String> post(String id, String contentType, String body, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpUrl("/tandem/objects/counter/" + id + "/actions/increment")))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anActionCallThatIsNotJsonIs415AndRunsNothing() throws Exception {
        String id = TestServer.uniqueId("media");
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> r = post(id, type, "[1]", null);
            assertEquals(415, r.statusCode(), type);
            assertTrue(r.body().contains("\"code\":\"unsupported_media_type\"") && r.body().contains("Content-Type: application/json"),
                    r.body());
        }
        assertEquals(200, post(id, "application/json; charset=utf-8", "[1]", null).statusCode());
        assertEquals(1, count(id), "only the JSON call ran");
    }

    @Test
    void aCrossSiteFormPostNeverRunsAnActionWhateverTheHost() throws Exception {
        String id = TestServer.uniqueId("csrf");
        HttpResponse<String> r = post(id, "application/x-www-form-urlencoded", "[1]", "https://evil.example");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("\"code\":\"forbidden\"") && r.body().contains("https://evil.example"), r.body());
        // DNS rebinding: the page's origin and the Host agree, so only the content type stops it
        String raw = rawPost("/tandem/objects/counter/" + id + "/actions/increment", "evil.example",
                "http://evil.example", "text/plain", "[1]");
        assertTrue(raw.startsWith("HTTP/1.1 415"), raw);
        assertEquals(0, count(id), "no action ran");
    }

    @Test
    void httpFromAForeignOriginIsRefusedAndAllowedOnesPass() throws Exception {
        String id = TestServer.uniqueId("origin");
        assertEquals(200, post(id, "application/json", "[1]", "https://app.example.com").statusCode(), "listed");
        assertEquals(200, post(id, "application/json", "[1]", "http://127.0.0.1:" + server.server.getPort()).statusCode(),
                "the server's own origin");
        assertEquals(200, post(id, "application/json", "[1]", null).statusCode(), "no Origin: not a browser page");
        assertEquals(403, post(id, "application/json", "[1]", "https://app.example.com.evil.example").statusCode());
        assertEquals(403, post(id, "application/json", "[1]", "null").statusCode(), "sandboxed pages and files");
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(server.httpUrl("/tandem/objects/counter/" + id)))
                .header("Origin", "https://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, read.statusCode(), "reads too");
        assertEquals(3, count(id));
    }

    @Test
    void aWebSocketFromAForeignOriginIsRefusedAtTheHandshake() {
        String id = TestServer.uniqueId("ws-origin");
        CompletionException refused = assertThrows(CompletionException.class,
                () -> server.connect("counter", id, "", "Origin", "https://evil.example").close());
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException h && h.getResponse().statusCode() == 403,
                String.valueOf(refused.getCause()));
        try (TestSocket allowed = server.connect("counter", id, "", "Origin", "https://app.example.com");
             TestSocket self = server.connect("counter", id, "", "Origin", "http://127.0.0.1:" + server.server.getPort())) {
            allowed.awaitType("snapshot");
            self.awaitType("snapshot");
        }
    }

    /** A POST with a Host header of our choosing, which the JDK's client won't send. */
    private static String rawPost(String path, String host, String origin, String type, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.getPort())) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String request = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin + "\r\nContent-Type: "
                    + type + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            // the status line is enough: the server may keep the connection open
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
