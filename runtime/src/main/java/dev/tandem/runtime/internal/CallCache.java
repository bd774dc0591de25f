package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tandem.runtime.storage.StoredCall;
import dev.tandem.runtime.storage.StoredJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes calls at-most-once across reconnects and restarts. The outcome of each recent call is kept
 * per client (its user and {@code client} ID) and call ID, so a call resent after a reconnect gets
 * the first outcome instead of running again; a resend of a call still in flight waits for it.
 * Calls whose turns changed stored state are also stored with that state ({@link #rows}, one
 * ring of slots per client, one slot per write), and restored on activation ({@link #restore}), so a call that was
 * stored but not answered when the server died is not run again by its resend.
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
        int nextSlot;
    }

    private static final int MAX_STORED_CLIENT_KEY = 500;

    private final Map<String, ClientCalls> clients = new HashMap<>();
    private final int perClient;

    /** @param perClient calls remembered per client, in memory and in storage */
    CallCache(int perClient) {
        this.perClient = Math.max(1, perClient);
    }

    /**
     * @param userId who calls
     * @param clientId the connection's {@code client} parameter
     * @return the key of that client's calls: a client ID is only good for its own user's calls
     */
    static String clientKey(String userId, String clientId) {
        String key = clientId.length() + ":" + clientId + userId;
        if (key.length() <= MAX_STORED_CLIENT_KEY) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param callId a call ID as the client sent it: a non-negative integer or a string
     * @return a key that keeps the ID's JSON type, so {@code 7} and {@code "7"} are two calls
     */
    static String callKey(JsonNode callId) {
        return callId.isTextual() ? "s:" + callId.textValue() : "n:" + callId.bigIntegerValue();
    }

    /**
     * @param client the client's key
     * @param call the call's key
     * @param now the current time in milliseconds
     * @return the existing entry of that call, or {@code null} after registering a new pending one
     *     that {@link #pending} returns
     */
    Entry lookup(String client, String call, long now) {
        ClientCalls c = clients.computeIfAbsent(client, k -> new ClientCalls());
        c.lastUsed = now;
        Entry existing = c.calls.get(call);
        if (existing != null) {
            return existing;
        }
        c.calls.put(call, new Entry());
        trim(c);
        return null;
    }

    private void trim(ClientCalls c) {
        if (c.calls.size() > perClient) {
            Iterator<Entry> oldest = c.calls.values().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** @return the entry {@link #lookup} just registered */
    Entry pending(String client, String call) {
        return clients.get(client).calls.get(call);
    }

    /** A call whose turn changed stored state, waiting to be stored with it. */
    record Unstored(String client, String call, long revision, JsonNode result) {
    }

    /**
     * Turns the calls of one write into rows, one per client, each in that client's next slot.
     *
     * @param calls the calls whose turns the write stores, in the order they ran
     * @param now the time of the write, in epoch milliseconds
     * @return the rows to store with the write
     */
    List<StoredCall> rows(List<Unstored> calls, long now) {
        Map<String, ArrayNode> byClient = new LinkedHashMap<>();
        Map<String, Long> revisions = new HashMap<>();
        for (Unstored c : calls) {
            byClient.computeIfAbsent(c.client(), k -> Frames.JSON.createArrayNode())
                    .addArray().add(c.call()).add(c.revision()).add(c.result());
            revisions.put(c.client(), c.revision());
        }
        List<StoredCall> rows = new ArrayList<>(byClient.size());
        byClient.forEach((client, entries) -> {
            ClientCalls c = clients.computeIfAbsent(client, k -> new ClientCalls());
            int slot = c.nextSlot;
            c.nextSlot = (slot + 1) % perClient;
            rows.add(new StoredCall(client, slot, revisions.get(client), StoredJson.text(entries), now));
        });
        return rows;
    }

    /**
     * Remembers the calls storage held for this instance, answered with their first outcome if resent.
     *
     * @param stored the stored rows
     */
    void restore(List<StoredCall> stored) {
        List<StoredCall> byRevision = new ArrayList<>(stored);
        byRevision.sort(Comparator.comparingLong(StoredCall::revision));
        for (StoredCall row : byRevision) {
            ClientCalls c = clients.computeIfAbsent(row.client(), k -> new ClientCalls());
            for (JsonNode call : readArray(row.calls())) {
                Entry entry = new Entry();
                entry.complete(Outcome.ok(call.get(1).asLong(), call.get(2), null));
                c.calls.put(call.get(0).asText(), entry);
                trim(c);
            }
            c.lastUsed = Math.max(c.lastUsed, row.storedAt());
            c.nextSlot = (row.slot() + 1) % perClient;
        }
    }

    private static JsonNode readArray(String text) {
        try {
            return Frames.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored calls are not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Forgets clients not seen since {@code cutoff}. */
    void sweep(long cutoff) {
        clients.values().removeIf(c -> c.lastUsed < cutoff);
    }
}
