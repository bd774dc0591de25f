package dev.tandem.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that keeps calls {@code append(value)} in flight on one connection, as an application
 * under load would, and resends a call that failed with {@code unavailable} under the same call
 * ID (at most once: the server recognises it). It records every answer with when it arrived, and
 * the operations of every revision it was sent, to compare with other clients.
 */
public final class StreamClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answered call: its value, the revision that includes it, when the answer arrived. */
    public record Ack(int value, long revision, long arrivedNanos) {
    }

    private final StringBuilder text = new StringBuilder();
    private final Semaphore inFlight;
    private final Map<Long, Integer> pending = new ConcurrentHashMap<>();
    private final Map<Long, Ack> acks = new ConcurrentHashMap<>();
    private final Map<Long, String> revisions = new ConcurrentHashMap<>();
    private final Set<String> conflicts = ConcurrentHashMap.newKeySet();
    private final AtomicLong resent = new AtomicLong();
    private final CompletableFuture<JsonNode> snapshot = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;
    /** The revision the client is at, as a real client tracks it: patches must follow it one by one. */
    private long current = -1;

    private StreamClient(int maxInFlight) {
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Connects with a client ID of its own, and waits for the snapshot. */
    public static StreamClient open(String wsUrl, int maxInFlight) {
        StreamClient c = new StreamClient(maxInFlight);
        c.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(wsUrl + "?client=load-" + java.util.UUID.randomUUID()), c)
                .orTimeout(20, TimeUnit.SECONDS).join();
        c.snapshot.orTimeout(20, TimeUnit.SECONDS).join();
        return c;
    }

    /** Sends one call once fewer than the limit are in flight; {@code false} if none freed up in time. */
    public boolean call(long id, int value) throws InterruptedException {
        if (!inFlight.tryAcquire(20, TimeUnit.SECONDS)) {
            return false;
        }
        pending.put(id, value);
        send(id, value);
        return true;
    }

    private void send(long id, int value) {
        socket.sendText("{\"type\":\"call\",\"id\":" + id + ",\"action\":\"append\",\"args\":[" + value + "]}", true);
    }

    /** Waits until every call sent is answered; {@code false} if some are not within the time. */
    public boolean drain(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline && !closed.isDone()) {
            Thread.onSpinWait();
            try {
                Thread.sleep(5); // polls the client's own bookkeeping, not the server
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return pending.isEmpty();
    }

    @Override
    public void onOpen(WebSocket ws) {
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            try {
                onMessage(JSON.readTree(text.toString()));
            } catch (Exception e) {
                conflicts.add("unreadable frame: " + text);
            }
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    private void onMessage(JsonNode m) {
        String type = m.path("type").asText();
        if ("snapshot".equals(type) || "resumed".equals(type)) {
            current = m.get("rev").asLong();
            snapshot.complete(m);
        }
        if (m.has("ops") && m.has("rev")) {
            long rev = m.get("rev").asLong();
            if (rev != current + 1) {
                conflicts.add("revision " + rev + " came after " + current + ": patches must follow one by one");
            }
            current = rev;
            String ops = m.get("ops").toString();
            String before = revisions.putIfAbsent(m.get("rev").asLong(), ops);
            if (before != null && !before.equals(ops)) {
                conflicts.add("revision " + m.get("rev") + " came twice: " + before + " then " + ops);
            }
        }
        if (!m.has("id") || m.get("id").isNull()) {
            return;
        }
        long id = m.get("id").asLong();
        Integer value = pending.get(id);
        if (value == null) {
            return;
        }
        if ("result".equals(type)) {
            acks.put(id, new Ack(value, m.get("rev").asLong(), System.nanoTime()));
            pending.remove(id);
            inFlight.release();
        } else if ("unavailable".equals(m.path("code").asText()) || "timeout".equals(m.path("code").asText())) {
            resent.incrementAndGet();
            send(id, value); // not run: the same ID again, which the server runs at most once
        } else {
            conflicts.add("call " + id + " failed: " + m);
            pending.remove(id);
            inFlight.release();
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(-1);
    }

    public Map<Long, Ack> acks() {
        return acks;
    }

    /** @return the operations of each revision this client was sent, by revision */
    public Map<Long, String> revisions() {
        return revisions;
    }

    /**
     * @return what went wrong: a revision sent twice with different operations or out of order, a
     *     call refused
     */
    public Set<String> conflicts() {
        return conflicts;
    }

    public long resent() {
        return resent.get();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
