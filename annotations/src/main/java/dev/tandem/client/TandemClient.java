package dev.tandem.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;

/**
 * The Java client of a Tandem server, over the JDK's WebSocket. Each connection keeps a local copy
 * of an instance's state (a snapshot, then patches), reconnects with backoff and resumes where it
 * left off, and sends calls made while disconnected once it is back, each at most once.
 *
 * <pre>{@code
 * try (TandemClient tandem = TandemClient.builder("ws://localhost:8080").session("ada").build()) {
 *     CounterClient counter = CounterClient.connect(tandem, "lobby").join();
 *     long now = counter.actions().increment(1).join();
 *     counter.subscribe(state -> System.out.println(state.count()));
 * }
 * }</pre>
 */
public final class TandemClient implements Connector, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Builder options;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Set<SocketConnection> open = ConcurrentHashMap.newKeySet();
    private volatile String session;
    private CompletableFuture<Void> identified; // guarded by this: the one request for a credential


    private TandemClient(Builder options) {
        this.options = options;
        this.session = options.session;
        this.http = HttpClient.newBuilder().connectTimeout(options.connectTimeout).build();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tandem-client");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true); // a call's timeout leaves the queue when the call completes
        this.scheduler = scheduler;
    }

    /**
     * @param url the server, like {@code ws://localhost:8080} (http URLs work too)
     * @return a builder
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    @Override
    public CompletableFuture<LiveConnection> connect(String typeName, String id) {
        SocketConnection connection = new SocketConnection(this, typeName, id);
        open.add(connection);
        return identify().thenCompose(ignored -> connection.start());
    }

    /**
     * @return the anonymous session credential this client presents, once the server issued one (or
     *     the one passed to {@link Builder#session}); empty with a login, or before the first connection
     */
    public Optional<String> session() {
        return Optional.ofNullable(session);
    }

    /**
     * Asks the server for a credential once, before the first connection, so that connections opened
     * together are one user. If that fails, the sockets get one in their {@code session} message.
     */
    private synchronized CompletableFuture<Void> identify() {
        if (session != null) {
            return CompletableFuture.completedFuture(null);
        }
        if (identified == null) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.url.replaceFirst("^ws", "http")
                    + "/tandem/session")).POST(HttpRequest.BodyPublishers.noBody()).timeout(options.connectTimeout);
            options.headers.forEach(request::header);
            identified = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                if (r.statusCode() == 200) {
                    try {
                        String issued = JSON.readTree(r.body()).path("session").asText(null);
                        if (issued != null) {
                            issued(issued);
                        }
                    } catch (IOException e) {
                        // not a Tandem answer: the socket's session message will do
                    }
                }
            }).exceptionally(e -> null);
        }
        return identified;
    }

    /** The server issued a credential (it had none, or one signed with a retired key): keep it. */
    void issued(String credential) {
        session = credential;
        if (options.onSession != null) {
            options.onSession.accept(credential);
        }
    }

    /** @return the headers of a socket's handshake: the configured ones and the session credential */
    Map<String, String> handshakeHeaders() {
        Map<String, String> headers = new LinkedHashMap<>(options.headers);
        String current = session;
        if (current != null) {
            headers.put("X-Tandem-Session", current);
        }
        return headers;
    }

    /** Closes every connection this client opened. */
    @Override
    public void close() {
        for (SocketConnection c : open) {
            c.close();
        }
        scheduler.shutdownNow();
    }

    void closed(SocketConnection connection) {
        open.remove(connection);
    }

    HttpClient http() {
        return http;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Builder options() {
        return options;
    }

    /** Settings of a {@link TandemClient}. */
    public static final class Builder {
        final String url;
        String session;
        Consumer<String> onSession;
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, String> attributes = new LinkedHashMap<>();
        Duration minDelay = Duration.ofMillis(250);
        Duration maxDelay = Duration.ofSeconds(10);
        Duration callTimeout = Duration.ofSeconds(15);
        Duration connectTimeout = Duration.ofSeconds(15);
        int maxQueued = 100;
        Duration heartbeatInterval = Duration.ofSeconds(20);
        Duration heartbeatTimeout = Duration.ofSeconds(45);

        private Builder(String url) {
            this.url = url.replaceFirst("^http", "ws").replaceAll("/+$", "");
        }

        /**
         * @param session an anonymous session credential saved from {@link TandemClient#session()}, to be
         *     the same user as then; one the server does not accept is replaced by a new identity
         */
        public Builder session(String session) {
            this.session = session;
            return this;
        }

        /** @param listener called with each credential the server issues, to save it (it is a secret: never log it) */
        public Builder onSession(Consumer<String> listener) {
            this.onSession = listener;
            return this;
        }

        /** @param name a header sent with every handshake and request, like {@code Authorization} @param value its value */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** @param name a connection attribute @param value its value, visible to hooks and actions */
        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        /** @param min first reconnect delay @param max longest one; doubles in between, with jitter */
        public Builder reconnectDelays(Duration min, Duration max) {
            this.minDelay = min;
            this.maxDelay = max;
            return this;
        }

        /** @param timeout how long a call may wait for its answer, queued or sent */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /**
         * @param timeout how long {@code connect} waits for the first snapshot; a refused or failed
         *     first attempt fails it at once (with code {@code connection_failed} or the server's code)
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** @param max how many calls may wait while disconnected */
        public Builder maxQueued(int max) {
            this.maxQueued = max;
            return this;
        }

        /**
         * Heartbeats: a connection sends a ping when it has sent nothing for {@code interval}
         * (default 20 s), and treats the connection as dead when nothing at all arrived for
         * {@code timeout} (default 45 s): it closes the socket and reconnects with resume, as after
         * any drop. Keep {@code interval} well below {@code timeout}.
         *
         * @param interval the longest silence from the client @param timeout the longest silence accepted from the server
         */
        public Builder heartbeat(Duration interval, Duration timeout) {
            if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("heartbeat interval and timeout must be positive, not "
                        + interval + " and " + timeout);
            }
            this.heartbeatInterval = interval;
            this.heartbeatTimeout = timeout;
            return this;
        }

        /** @return the client */
        public TandemClient build() {
            return new TandemClient(this);
        }
    }
}
