package dev.tandem.runtime.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A raw protocol client for tests, on the JDK's WebSocket: it sends JSON text and records every
 * message it receives, in order. It can stop reading, to play a client that doesn't keep up.
 */
public final class TestSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final List<JsonNode> unclaimed = new ArrayList<>();
    private final List<String> raw = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile boolean reading = true;
    private WebSocket socket;

    private TestSocket() {
    }

    public static TestSocket open(String url, String... headers) {
        TestSocket t = new TestSocket();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        t.socket = builder.buildAsync(URI.create(url), t.listener()).join();
        return t;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    raw.add(text.toString());
                    try {
                        inbox.add(JSON.readTree(text.toString()));
                    } catch (IOException e) {
                        inbox.add(JSON.createObjectNode().put("type", "unparseable").put("text", text.toString()));
                    }
                    text.setLength(0);
                }
                if (reading) {
                    ws.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(new int[] {statusCode});
                closeReason.complete(reason);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(new int[] {-1});
                closeReason.complete(String.valueOf(error));
            }
        };
    }

    /** Sends raw text. */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends a call and returns its ID. */
    public long call(String action, Object... args) {
        long id = nextId.getAndIncrement();
        callWithId(id, action, args);
        return id;
    }

    public void callWithId(long id, String action, Object... args) {
        ObjectNode m = JSON.createObjectNode().put("type", "call").put("id", id).put("action", action);
        m.set("args", JSON.valueToTree(args));
        sendText(m.toString());
    }

    /**
     * Waits for the first message that matches and has not been taken yet; messages that don't
     * match stay available to later waits. {@link #seen()} keeps everything in arrival order.
     */
    public JsonNode await(Predicate<JsonNode> match, String what) {
        for (int i = 0; i < unclaimed.size(); i++) {
            if (match.test(unclaimed.get(i))) {
                return unclaimed.remove(i);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m;
            try {
                m = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (m == null) {
                fail("timed out waiting for " + what + "; last messages received: " + summary());
            }
            seen.add(m);
            if (match.test(m)) {
                return m;
            }
            unclaimed.add(m);
        }
    }

    /**
     * Asserts that nothing arrived beyond what was already taken: sends a ping and requires its
     * pong to be the next message. The server answers a ping after everything already queued for
     * this connection, so whatever a finished turn sent (a patch it leaked, say) would come first.
     * An event, not a sleep.
     *
     * @param what what must not have arrived, for the failure message
     */
    public void expectNoMessage(String what) {
        sendText("{\"type\":\"ping\"}");
        JsonNode next = null;
        for (int i = 0; i < unclaimed.size() && next == null; i++) {
            if (!isSession(unclaimed.get(i))) {
                next = unclaimed.remove(i);
            }
        }
        while (next == null) {
            try {
                next = inbox.poll(WAIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (next == null) {
                fail("timed out waiting for the pong that shows " + what + " did not arrive");
            }
            seen.add(next);
            if (isSession(next)) { // who this connection is, not an event of the instance
                unclaimed.add(next);
                next = null;
            }
        }
        if (!"pong".equals(next.path("type").asText())) {
            fail("expected " + what + " not to arrive (the pong next), got " + next);
        }
    }

    /** The last few messages, each cut short: enough to see what happened, not megabytes. */
    private String summary() {
        List<String> last = new ArrayList<>();
        for (JsonNode m : seen.subList(Math.max(0, seen.size() - 6), seen.size())) {
            String text = m.toString();
            last.add(text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
        return seen.size() + " in all, ending with " + last;
    }

    public JsonNode awaitType(String type) {
        return await(m -> type.equals(m.path("type").asText()), "a " + type + " message");
    }

    /** Waits for the answer (result or error) to call {@code id}. */
    public JsonNode awaitAnswer(long id) {
        return await(m -> m.path("id").asLong(-1) == id && m.has("type")
                && ("result".equals(m.get("type").asText()) || "error".equals(m.get("type").asText())), "the answer to call " + id);
    }

    /**
     * Waits for the answer to call {@code id}, or for the connection to close without one (the
     * server dropped the connection before answering: the call's outcome is unknown to this client).
     *
     * @return the answer, or {@code null} if the connection closed first
     */
    public JsonNode awaitAnswerOrClose(long id) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> arrived = drainNow();
            JsonNode answer = null;
            for (JsonNode m : arrived) {
                if (answer == null && m.path("id").asLong(-1) == id
                        && ("result".equals(m.path("type").asText()) || "error".equals(m.path("type").asText()))) {
                    answer = m;
                } else {
                    unclaimed.add(m);
                }
            }
            if (answer != null) {
                return answer;
            }
            if (closed.isDone() && inbox.isEmpty()) {
                return null;
            }
            try {
                JsonNode next = inbox.poll(50, TimeUnit.MILLISECONDS); // wakes on a message; the close is checked between
                if (next != null) {
                    seen.add(next);
                    unclaimed.add(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("timed out waiting for the answer to call " + id + " or the close; last messages received: " + summary());
        return null;
    }

    /** Waits for revision {@code rev}'s patch: a patch message, or a result carrying the caller's own patch. */
    public JsonNode awaitPatch(long rev) {
        return await(m -> isPatch(m) && m.path("rev").asLong() == rev, "patch " + rev);
    }

    /** @return whether {@code m} carries a patch: a patch message, or a result with the caller's own patch */
    public static boolean isPatch(JsonNode m) {
        String type = m.path("type").asText();
        return "patch".equals(type) || "result".equals(type) && m.has("ops");
    }

    /** @return the text of every message received so far, exactly as it arrived, in order */
    public List<String> rawFrames() {
        synchronized (raw) {
            return List.copyOf(raw);
        }
    }

    /** @return every message taken so far, in order */
    public List<JsonNode> seen() {
        return seen;
    }

    /** @return messages that arrived but were not yet taken, without waiting; a session message stays available */
    public List<JsonNode> drainNow() {
        List<JsonNode> all = new ArrayList<>(unclaimed);
        unclaimed.clear();
        List<JsonNode> fresh = new ArrayList<>();
        inbox.drainTo(fresh);
        seen.addAll(fresh);
        all.addAll(fresh);
        List<JsonNode> rest = new ArrayList<>();
        for (JsonNode m : all) {
            (isSession(m) ? unclaimed : rest).add(m);
        }
        return rest;
    }

    /** @return whether {@code m} is the session message: the credential the server issued, not an event */
    private static boolean isSession(JsonNode m) {
        return "session".equals(m.path("type").asText());
    }

    /** Stops reading from the socket: the server's frames pile up. */
    public void stopReading() {
        reading = false;
    }

    /** Reads again. */
    public void resumeReading() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    /** @return the close code the server sent, waiting for it */
    public int awaitClose() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join()[0];
    }

    public String closeReason() {
        return closeReason.join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Sends raw bytes as one binary frame. */
    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends a text message split in fragments. */
    public void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
        socket.abort();
    }

    /** Starts the closing handshake; the server's answer arrives as {@link #awaitClose()}. */
    public void sendClose(int code) {
        socket.sendClose(code, "bye").join();
    }

    /** Drops the TCP connection without a close handshake, like a network failure. */
    public void abort() {
        socket.abort();
    }
}
