package dev.tandem.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@link LiveConnection} over the JDK's WebSocket. All state is guarded by {@code this}; the
 * WebSocket delivers messages one at a time.
 */
final class SocketConnection implements LiveConnection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> PERMANENT = Set.of(4400, 4403, 4404);

    private static final class Call {
        final String action;
        final ArrayNode args;
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        boolean sent;
        JsonNode answer;

        Call(String action, ArrayNode args) {
            this.action = action;
            this.args = args;
        }
    }

    private final TandemClient client;
    private final String typeName;
    private final String id;
    private final String clientId = UUID.randomUUID().toString();
    private final CompletableFuture<LiveConnection> ready = new CompletableFuture<>();
    private final Map<Long, Call> pending = new LinkedHashMap<>();
    private final List<Long> queue = new ArrayList<>();
    private final List<Consumer<ObjectNode>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private long nextCall = 1;
    private volatile ObjectNode state;
    private volatile long revision = -1;
    private volatile ConnectionStatus status = ConnectionStatus.CONNECTING;
    private String epoch;
    private int attempt;
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private int generation;
    private boolean closed;
    private boolean everOpen; // until the first snapshot, a failed attempt fails the connect instead of retrying
    private CallFailedException serverError; // an error the server sent before the first snapshot

    SocketConnection(TandemClient client, String typeName, String id) {
        this.client = client;
        this.typeName = typeName;
        this.id = id;
    }

    CompletableFuture<LiveConnection> start() {
        long timeout = client.options().connectTimeout.toMillis();
        client.scheduler().schedule(() -> {
            if (ready.completeExceptionally(new CallFailedException("timeout", "no snapshot from " + address()
                    + " within " + timeout + " ms"))) {
                close();
            }
        }, timeout, TimeUnit.MILLISECONDS);
        open();
        return ready;
    }

    /** @return the socket's address without its query (which carries the session) */
    private String address() {
        return client.options().url + "/tandem/ws/" + encode(typeName) + "/" + encode(id);
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ObjectNode state() {
        return state;
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public synchronized CompletableFuture<JsonNode> call(String action, ArrayNode arguments) {
        Call call = new Call(action, arguments);
        if (closed) {
            call.result.completeExceptionally(new CallFailedException("closed", "the connection is closed"));
            return call.result;
        }
        long callId = nextCall++;
        pending.put(callId, call);
        long timeout = client.options().callTimeout.toMillis();
        client.scheduler().schedule(() -> fail(callId, new CallFailedException("timeout",
                "no answer within " + timeout + " ms; the call may still have run")), timeout, TimeUnit.MILLISECONDS);
        if (status == ConnectionStatus.OPEN) {
            send(callId);
        } else if (queue.size() >= client.options().maxQueued) {
            fail(callId, new CallFailedException("unavailable", "more than " + client.options().maxQueued
                    + " calls are waiting for the connection; try again once it is back"));
        } else {
            queue.add(callId);
        }
        return call.result;
    }

    @Override
    public Subscription subscribe(Consumer<ObjectNode> listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    @Override
    public Subscription onStatus(Consumer<ConnectionStatus> listener) {
        statusListeners.add(listener);
        return () -> statusListeners.remove(listener);
    }

    @Override
    public void close() {
        WebSocket s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = socket;
            socket = null;
            for (Long callId : new ArrayList<>(pending.keySet())) {
                fail(callId, new CallFailedException("closed", "the connection was closed before the call was answered"));
            }
        }
        if (s != null) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "closed by the client").exceptionally(e -> null);
            s.abort();
        }
        setStatus(ConnectionStatus.CLOSED);
        ready.completeExceptionally(new CallFailedException("closed", "closed before the first snapshot"));
        client.closed(this);
    }

    private synchronized void open() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("session", client.options().session);
        params.put("client", clientId);
        params.putAll(client.options().attributes);
        if (epoch != null) {
            params.put("rev", Long.toString(revision));
            params.put("epoch", epoch);
        }
        StringBuilder url = new StringBuilder(address()).append('?');
        params.forEach((k, v) -> url.append(encode(k)).append('=').append(encode(v)).append('&'));
        url.setLength(url.length() - 1);
        int gen = ++generation;
        client.http().newWebSocketBuilder().connectTimeout(client.options().connectTimeout)
                .buildAsync(URI.create(url.toString()), new Listener(gen))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        onClose(gen, -1, null, error);
                    } else {
                        opened(gen, ws);
                    }
                });
    }

    private synchronized void opened(int gen, WebSocket ws) {
        if (closed || gen != generation) {
            ws.abort();
        } else {
            socket = ws;
            sending = CompletableFuture.completedFuture(null);
        }
    }

    /** Receives one socket's events; those of a socket that was replaced are ignored. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                onMessage(gen, ws, message);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            SocketConnection.this.onClose(gen, code, reason, null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            SocketConnection.this.onClose(gen, -1, null, error);
        }
    }

    private void onMessage(int gen, WebSocket ws, String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return;
        }
        ObjectNode changed = null;
        boolean nowOpen = false;
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
            if (socket == null) {
                socket = ws; // the first message may arrive before buildAsync completes
            }
            switch (m.path("type").asText()) {
                case "snapshot" -> {
                    epoch = m.get("epoch").asText();
                    revision = m.get("rev").asLong();
                    state = (ObjectNode) m.get("state");
                    changed = state;
                    nowOpen = true;
                }
                case "resumed" -> nowOpen = true;
                case "patch" -> {
                    if (m.get("rev").asLong() != revision + 1) {
                        epoch = null; // a gap: reconnect for a snapshot
                        ws.abort(); // its onClose reconnects
                        return;
                    }
                    state = JsonPatches.apply(state, m.get("ops"));
                    revision = m.get("rev").asLong();
                    changed = state;
                }
                case "result" -> {
                    // the caller's own patch comes with its result; it applies on top of the revision before it
                    if (m.has("ops") && m.get("rev").asLong() == revision + 1) {
                        state = JsonPatches.apply(state, m.get("ops"));
                        revision = m.get("rev").asLong();
                        changed = state;
                    }
                    Call call = pending.get(m.get("id").asLong());
                    if (call != null) {
                        call.answer = m;
                    }
                }
                case "error" -> {
                    CallFailedException error = new CallFailedException(m.get("code").asText(), m.get("message").asText());
                    if (m.has("id")) {
                        fail(m.get("id").asLong(), error);
                    } else if (!everOpen) {
                        serverError = error; // the refusal's reason; its close follows
                    }
                }
                default -> { }
            }
            if (nowOpen) {
                attempt = 0;
                everOpen = true;
                serverError = null;
                resend();
            }
        }
        if (nowOpen) {
            setStatus(ConnectionStatus.OPEN);
            ready.complete(this);
        }
        if (changed != null) {
            for (Consumer<ObjectNode> l : stateListeners) {
                l.accept(changed);
            }
        }
        settle();
    }

    /** Sends calls that were unanswered when the socket dropped (same IDs: the server runs each once), then queued ones. */
    private void resend() {
        for (Map.Entry<Long, Call> e : pending.entrySet()) {
            if (e.getValue().sent && e.getValue().answer == null) {
                send(e.getKey());
            }
        }
        List<Long> queued = new ArrayList<>(queue);
        queue.clear();
        for (Long callId : queued) {
            if (pending.containsKey(callId)) {
                send(callId);
            }
        }
    }

    /** The JDK's WebSocket takes one send at a time, so sends are chained. */
    private void send(long callId) {
        Call call = pending.get(callId);
        call.sent = true;
        ObjectNode m = JSON.createObjectNode().put("type", "call").put("id", callId).put("action", call.action);
        m.set("args", call.args);
        WebSocket s = socket;
        String text = m.toString();
        sending = sending.thenCompose(x -> s.sendText(text, true)).exceptionally(e -> null);
    }

    /** Completes calls whose answer arrived and whose turn the local state includes. */
    private void settle() {
        List<Call> done = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Call> it = pending.values().iterator(); it.hasNext(); ) {
                Call call = it.next();
                if (call.answer != null && call.answer.get("rev").asLong() <= revision) {
                    it.remove();
                    done.add(call);
                }
            }
        }
        done.forEach(c -> c.result.complete(c.answer.get("value")));
    }

    private void fail(long callId, CallFailedException error) {
        Call call;
        synchronized (this) {
            call = pending.remove(callId);
            queue.remove(callId);
        }
        if (call != null) {
            call.result.completeExceptionally(error);
        }
    }

    /** A socket ended: with a close code and reason, or ({@code code} -1) with an error. */
    private void onClose(int gen, int code, String reason, Throwable error) {
        CallFailedException refusal;
        boolean permanent;
        synchronized (this) {
            if (closed || gen != generation) {
                return; // already closed, or an event of a socket already replaced
            }
            generation++; // later events of this socket are ignored
            socket = null;
            refusal = serverError != null ? serverError
                    : error != null ? ConnectFailures.opening(address(), error) : ConnectFailures.closed(address(), code, reason);
            permanent = PERMANENT.contains(code) || !everOpen;
        }
        if (permanent) {
            ready.completeExceptionally(refusal);
            close();
            return;
        }
        setStatus(revision < 0 ? ConnectionStatus.CONNECTING : ConnectionStatus.RECONNECTING);
        long min = client.options().minDelay.toMillis();
        long delay = Math.min(client.options().maxDelay.toMillis(), min << Math.min(attempt++, 20));
        long jittered = (long) (delay * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
        client.scheduler().schedule(() -> {
            synchronized (this) {
                if (!closed) {
                    open();
                }
            }
        }, jittered, TimeUnit.MILLISECONDS);
    }

    private void setStatus(ConnectionStatus next) {
        if (status != next) {
            status = next;
            for (Consumer<ConnectionStatus> l : statusListeners) {
                l.accept(next);
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
