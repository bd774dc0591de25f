package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The calls of one connection that are not complete yet: waiting for the connection, sent, or
 * answered but waiting until the local state includes their turn. Each has a timeout task, which is
 * cancelled as soon as the call completes. Futures complete outside the lock.
 */
final class PendingCalls {

    /** One call. */
    static final class Call {
        final long id;
        final String action;
        final ArrayNode args;
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        boolean sent;
        JsonNode answer;
        ScheduledFuture<?> timeout;

        Call(long id, String action, ArrayNode args) {
            this.id = id;
            this.action = action;
            this.args = args;
        }
    }

    private final Map<Long, Call> calls = new LinkedHashMap<>();
    private final List<Long> queue = new ArrayList<>();
    private long next = 1;

    /** Registers a call, failing it with {@code timeout} if it is not complete in time. */
    synchronized Call add(String action, ArrayNode args, ScheduledExecutorService scheduler, long timeoutMillis) {
        Call call = new Call(next++, action, args);
        calls.put(call.id, call);
        call.timeout = scheduler.schedule(() -> fail(call.id, new CallFailedException("timeout",
                "no answer within " + timeoutMillis + " ms; the call may still have run")), timeoutMillis, TimeUnit.MILLISECONDS);
        return call;
    }

    /** @return whether the call could wait for the connection (fewer than {@code max} wait) */
    synchronized boolean enqueue(long id, int max) {
        if (queue.size() >= max) {
            return false;
        }
        queue.add(id);
        return true;
    }

    /** Marks a call sent. @return it, or null if it completed meanwhile */
    synchronized Call sending(long id) {
        Call call = calls.get(id);
        if (call != null) {
            call.sent = true;
        }
        return call;
    }

    /** @return the calls to send on a new socket: those sent and unanswered (same IDs), then the queued ones */
    synchronized List<Long> toSend() {
        List<Long> ids = new ArrayList<>();
        calls.values().stream().filter(c -> c.sent && c.answer == null).forEach(c -> ids.add(c.id));
        queue.stream().filter(calls::containsKey).forEach(ids::add);
        queue.clear();
        return ids;
    }

    synchronized void answered(long id, JsonNode answer) {
        Call call = calls.get(id);
        if (call != null) {
            call.answer = answer;
        }
    }

    /** Completes the answered calls whose turn the local state, at {@code revision}, includes. */
    void settle(long revision) {
        List<Call> done = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Call> it = calls.values().iterator(); it.hasNext(); ) {
                Call call = it.next();
                if (call.answer != null && call.answer.get("rev").asLong() <= revision) {
                    it.remove();
                    done.add(call);
                }
            }
        }
        for (Call call : done) {
            call.timeout.cancel(false);
            call.result.complete(call.answer.get("value"));
        }
    }

    void fail(long id, CallFailedException error) {
        Call call;
        synchronized (this) {
            call = calls.remove(id);
            queue.remove(id);
        }
        if (call != null) {
            call.timeout.cancel(false);
            call.result.completeExceptionally(error);
        }
    }

    void failAll(CallFailedException error) {
        List<Long> ids;
        synchronized (this) {
            ids = new ArrayList<>(calls.keySet());
        }
        ids.forEach(id -> fail(id, error));
    }
}
