package dev.tandem.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One {@link LiveConnection} over the JDK's WebSocket: the socket's life (open, reconnect with
 * resume, resync, close) and the messages. Calls live in {@link PendingCalls}, the liveness check in
 * {@link Heartbeat}. All state is guarded by {@code this}; the WebSocket delivers messages one at a
 * time.
 */
final class SocketConnection implements LiveConnection, SocketListener.Events {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> PERMANENT = Set.of(4400, 4403, 4404);
    /** How long {@link #close()} waits for the close handshake before it aborts the socket. */
    private static final long CLOSE_WAIT_MILLIS = 1000;

    private final TandemClient client;
    private final String typeName;
    private final String id;
    private final SocketAddress where;
    private final CompletableFuture<LiveConnection> ready = new CompletableFuture<>();
    private final PendingCalls calls = new PendingCalls();
    private final List<Consumer<ObjectNode>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private volatile ObjectNode state;
    private volatile long revision = -1;
    private volatile ConnectionStatus status = ConnectionStatus.CONNECTING;
    private String epoch;
    private int attempt;
    private WebSocket socket;
    private WebSocket adopted; // the last socket its first message made current, before buildAsync completed
    private SocketListener listener;
    private Heartbeat heartbeat;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private int generation;
    private boolean closed;
    private boolean everOpen; // until the first snapshot, a failed attempt fails the connect instead of retrying
    private CallFailedException serverError; // an error the server sent before the first snapshot

    SocketConnection(TandemClient client, String typeName, String id) {
        this.client = client;
        this.typeName = typeName;
        this.id = id;
        this.where = new SocketAddress(client.options(), typeName, id, UUID.randomUUID().toString());
    }

    CompletableFuture<LiveConnection> start() {
        long timeout = client.options().connectTimeout.toMillis();
        ScheduledFuture<?> timer = client.scheduler().schedule(() -> {
            if (ready.completeExceptionally(new CallFailedException("timeout", "no snapshot from " + address()
                    + " within " + timeout + " ms"))) {
                close();
            }
        }, timeout, TimeUnit.MILLISECONDS);
        ready.whenComplete((c, e) -> timer.cancel(false));
        open();
        return ready;
    }

    /** @return the socket's address without its query (which may carry resume details) */
    private String address() {
        return where.address;
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
        if (closed) {
            return CompletableFuture.failedFuture(new CallFailedException("closed", "the connection is closed"));
        }
        PendingCalls.Call call = calls.add(action, arguments, client.scheduler(), client.options().callTimeout.toMillis());
        if (status == ConnectionStatus.OPEN && socket != null) {
            send(call.id);
        } else if (!calls.enqueue(call.id, client.options().maxQueued)) {
            calls.fail(call.id, new CallFailedException("unavailable", "more than " + client.options().maxQueued
                    + " calls are waiting for the connection; try again once it is back"));
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

    /** Sends a close frame and waits (up to a second) for the server's, then lets the socket go. */
    @Override
    public void close() {
        WebSocket s;
        SocketListener l;
        CompletableFuture<?> sent;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            generation++; // the socket's own close event is not a drop to recover from
            s = socket;
            l = listener;
            sent = sending;
            socket = null;
            stopHeartbeat();
        }
        calls.failAll(new CallFailedException("closed", "the connection was closed before the call was answered"));
        if (s != null) {
            try {
                sent.thenCompose(x -> s.sendClose(WebSocket.NORMAL_CLOSURE, "closed by the client"))
                        .thenCompose(x -> l.ended).get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the socket failed or the server did not answer in time: abort below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.abort();
        }
        setStatus(ConnectionStatus.CLOSED);
        ready.completeExceptionally(new CallFailedException("closed", "closed before the first snapshot"));
        client.closed(this);
    }

    private synchronized void open() {
        int gen = ++generation;
        heartbeat = new Heartbeat(client.scheduler(), client.options().heartbeatInterval.toMillis(),
                client.options().heartbeatTimeout.toMillis(), client.options().connectTimeout.toMillis(),
                () -> ping(gen), () -> drop(gen, false));
        listener = new SocketListener(gen, heartbeat, this);
        WebSocket.Builder builder = client.http().newWebSocketBuilder().connectTimeout(client.options().connectTimeout);
        client.handshakeHeaders().forEach(builder::header); // the credential in a header, never in the URL
        builder.buildAsync(where.attempt(epoch, revision), listener)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        onClose(gen, -1, null, error);
                    } else {
                        opened(gen, ws);
                    }
                });
    }

    private synchronized void opened(int gen, WebSocket ws) {
        if (ws == adopted) {
            return; // already in use: close() or drop() end it, not this late completion
        }
        if (closed || gen != generation) {
            ws.abort();
        } else if (socket == null) {
            socket = ws;
            sending = CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public void onMessage(int gen, WebSocket ws, String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return;
        }
        ObjectNode changed = null;
        boolean nowOpen = false;
        boolean resync = false;
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
            if (socket == null) {
                socket = ws; // the first message may arrive before buildAsync completes
                adopted = ws;
                sending = CompletableFuture.completedFuture(null);
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
                case "session" -> client.issued(m.get("session").asText());
                case "patch" -> {
                    // a gap, or a patch that does not apply, can't be repaired with patches: start over from a snapshot
                    resync = !applied(m);
                    changed = resync ? null : state;
                }
                case "result" -> {
                    // the caller's own patch comes with its result; it applies on top of the revision before it
                    if (m.has("ops") && m.get("rev").asLong() == revision + 1) {
                        resync = !applied(m); // then the call is sent again and answered from the server's memory
                        changed = resync ? null : state;
                    }
                    if (!resync) {
                        calls.answered(m.get("id").asLong(), m);
                    }
                }
                case "error" -> {
                    CallFailedException error = InvalidTransitionException.fromFrame(m);
                    if (m.has("id")) {
                        calls.fail(m.get("id").asLong(), error);
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
                heartbeat.live();
                calls.toSend().forEach(this::send);
            }
        }
        if (resync) {
            drop(gen, true);
            return;
        }
        afterMessage(nowOpen, changed);
    }

    /**
     * Applies a revision's ops. @return false if they leave a gap or do not apply: then the local
     * copy stays as it was, at its revision, until a fresh snapshot replaces it
     */
    private boolean applied(JsonNode m) {
        if (m.path("rev").asLong() != revision + 1) {
            return false;
        }
        try {
            state = JsonPatches.apply(state, m.get("ops"));
        } catch (RuntimeException e) {
            return false;
        }
        revision = m.get("rev").asLong();
        return true;
    }

    private void afterMessage(boolean nowOpen, ObjectNode changed) {
        if (nowOpen) {
            setStatus(ConnectionStatus.OPEN);
            ready.complete(this);
        }
        if (changed != null) {
            for (Consumer<ObjectNode> l : stateListeners) {
                l.accept(changed);
            }
        }
        calls.settle(revision);
    }

    /** Sends one call; the JDK's WebSocket takes one send at a time, so sends are chained. */
    private void send(long callId) {
        PendingCalls.Call call = calls.sending(callId);
        if (call != null) {
            ObjectNode m = JSON.createObjectNode().put("type", "call").put("id", callId).put("action", call.action);
            m.set("args", call.args);
            sendText(m.toString());
        }
    }

    private synchronized void ping(int gen) {
        if (!closed && gen == generation && socket != null) {
            sendText("{\"type\":\"ping\"}");
        }
    }

    private void sendText(String text) {
        WebSocket s = socket;
        heartbeat.sent();
        sending = sending.thenCompose(x -> s.sendText(text, true)).exceptionally(e -> null);
    }

    /**
     * Ends a socket that is dead (the heartbeat timed out) or untrustworthy, and reconnects: with
     * resume, or (resync) without, so the next connection starts with a fresh snapshot.
     * {@code abort()} never calls the socket's listener, so the reconnect is scheduled here.
     */
    private void drop(int gen, boolean resync) {
        WebSocket s;
        boolean first;
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
            generation++;
            if (resync) {
                epoch = null;
            }
            s = socket;
            socket = null;
            stopHeartbeat();
            first = !everOpen;
        }
        if (s != null) {
            s.abort();
        }
        if (first) {
            ready.completeExceptionally(new CallFailedException("connection_failed", "no snapshot from " + address()
                    + " within " + client.options().connectTimeout.toMillis() + " ms"));
            close();
            return;
        }
        reconnect();
    }

    /** A socket ended: with a close code and reason, or ({@code code} -1) with an error. */
    @Override
    public void onClose(int gen, int code, String reason, Throwable error) {
        CallFailedException refusal;
        boolean permanent;
        synchronized (this) {
            if (closed || gen != generation) {
                return; // already closed, or an event of a socket already replaced
            }
            generation++; // later events of this socket are ignored
            socket = null;
            stopHeartbeat();
            refusal = serverError != null ? serverError
                    : error != null ? ConnectFailures.opening(address(), error) : ConnectFailures.closed(address(), code, reason);
            permanent = PERMANENT.contains(code) || !everOpen;
        }
        if (permanent) {
            ready.completeExceptionally(refusal);
            close();
            return;
        }
        reconnect();
    }

    private void reconnect() {
        setStatus(revision < 0 ? ConnectionStatus.CONNECTING : ConnectionStatus.RECONNECTING);
        long jittered;
        synchronized (this) {
            long min = client.options().minDelay.toMillis();
            long delay = Math.min(client.options().maxDelay.toMillis(), min << Math.min(attempt++, 20));
            jittered = (long) (delay * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
        }
        client.scheduler().schedule(() -> {
            synchronized (this) {
                if (!closed) {
                    open();
                }
            }
        }, jittered, TimeUnit.MILLISECONDS);
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.stop();
        }
    }

    private void setStatus(ConnectionStatus next) {
        if (status != next) {
            status = next;
            for (Consumer<ConnectionStatus> l : statusListeners) {
                l.accept(next);
            }
        }
    }
}
