package dev.tandem.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a real Tandem server (Micronaut, Netty, the real database) on 127.0.0.1 and a free port.
 * The database is an embedded H2 file in a fresh folder, or the local PostgreSQL when the build
 * runs with {@code -Ptandem-postgres} (system property {@code tandem.test.database=postgres}).
 */
public final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final EmbeddedServer server;
    public final Path dataDir;

    private TestServer(EmbeddedServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** @return whether tests run against PostgreSQL */
    public static boolean postgres() {
        return "postgres".equals(System.getProperty("tandem.test.database"));
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, Object> properties) {
        try {
            return start(Files.createTempDirectory("tandem-test"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server on an existing data folder: how a restart is tested. */
    public static TestServer start(Path dataDir, Map<String, Object> properties) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(dataDir, properties));
        return new TestServer(server, dataDir);
    }

    /** @return the configuration of a test server on {@code dataDir}, with {@code properties} on top */
    public static Map<String, Object> properties(Path dataDir, Map<String, Object> properties) {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("micronaut.server.port", -1);
        props.put("tandem.data-dir", dataDir.toString());
        props.put("tandem.timers.poll-interval", "200ms");
        props.put("micronaut.security.enabled", false); // only the identity test turns it on
        props.put("test.invoice.write-off", "P30D"); // the fixture Invoice's @After placeholder has no default
        if (postgres()) {
            props.put("datasources.default.url", System.getProperty("tandem.test.postgres.url",
                    "jdbc:postgresql://127.0.0.1:5432/test"));
            props.put("datasources.default.username", System.getProperty("tandem.test.postgres.user", "postgres"));
            props.put("datasources.default.password", "");
        }
        props.putAll(properties);
        return props;
    }

    /** @return a unique instance ID, so tests don't see each other's state on a shared database */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public String wsUrl(String type, String id) {
        return "ws://127.0.0.1:" + server.getPort() + "/tandem/ws/" + type + "/" + id;
    }

    public String httpUrl(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    public TestSocket connect(String type, String id, String query) {
        return connect(type, id, query, new String[0]);
    }

    public TestSocket connect(String type, String id, String query, String... headers) {
        return TestSocket.open(wsUrl(type, id) + (query == null || query.isEmpty() ? "" : "?" + query), headers);
    }

    /** Connects as a new anonymous user that already has its credential, so no session message comes first. */
    public TestSocket connect(String type, String id) {
        return connect(type, id, "session=" + session());
    }

    /** @return a new anonymous session credential from this server ({@code POST /tandem/session}) */
    public String session() {
        return issueSession(httpUrl(""));
    }

    /** @param base a server's HTTP address, like {@code http://127.0.0.1:8080} @return a new session credential from it */
    public static String issueSession(String base) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/tandem/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return send(request).body().get("session").asText();
    }

    /**
     * An anonymous user of this server.
     *
     * @param session its credential, to present
     * @param id its public user ID, what objects see
     */
    public record User(String session, String id) {
    }

    /** @return a new anonymous user, with its credential and user ID ({@code POST /tandem/session}) */
    public User user() {
        JsonNode body = send(HttpRequest.newBuilder(URI.create(httpUrl("/tandem/session")))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body();
        return new User(body.get("session").asText(), body.get("userId").asText());
    }

    /** An HTTP response: status and parsed JSON body. */
    public record Response(int status, JsonNode body) {
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(httpUrl(path))).GET().build());
    }

    public Response post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(httpUrl(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
