package dev.tandem.runtime.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes calls at-most-once across reconnects: the outcome of each recent call is kept per client
 * (its {@code client} ID) and call ID, so a call resent after a reconnect gets the first outcome
 * instead of running again. A resent call that is still in flight waits for the same outcome.
 */
final class CallCache {

    /** One call: pending until {@link #complete}, then its outcome. */
    static final class Entry {
        private Outcome outcome;
        private List<Consumer<Outcome>> waiters = new ArrayList<>(1);

        void attach(Consumer<Outcome> reply) {
            if (outcome != null) {
                reply.accept(outcome);
            } else {
                waiters.add(reply);
            }
        }

        void complete(Outcome result) {
            outcome = result;
            List<Consumer<Outcome>> toNotify = waiters;
            waiters = null;
            toNotify.forEach(w -> w.accept(result));
        }
    }

    private static final class ClientCalls {
        final LinkedHashMap<String, Entry> calls = new LinkedHashMap<>();
        long lastUsed;
    }

    private final Map<String, ClientCalls> clients = new HashMap<>();
    private final int perClient;

    CallCache(int perClient) {
        this.perClient = Math.max(1, perClient);
    }

    /**
     * @param clientId the client
     * @param callId the call
     * @param now the current time in milliseconds
     * @return the existing entry of that call, or {@code null} after registering a new pending one
     *     that {@link #pending} returns
     */
    Entry lookup(String clientId, String callId, long now) {
        ClientCalls c = clients.computeIfAbsent(clientId, k -> new ClientCalls());
        c.lastUsed = now;
        Entry existing = c.calls.get(callId);
        if (existing != null) {
            return existing;
        }
        c.calls.put(callId, new Entry());
        if (c.calls.size() > perClient) {
            Iterator<Entry> oldest = c.calls.values().iterator();
            oldest.next();
            oldest.remove();
        }
        return null;
    }

    /** @return the entry {@link #lookup} just registered */
    Entry pending(String clientId, String callId) {
        return clients.get(clientId).calls.get(callId);
    }

    /** Forgets clients not seen since {@code cutoff}. */
    void sweep(long cutoff) {
        clients.values().removeIf(c -> c.lastUsed < cutoff);
    }
}
