package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.Caller;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The server a client is connected to, in a cluster: its sockets, calls and reads go to the
 * instance's owner, wherever that is (this server too), and what the owner sends comes back here.
 * Each connection remembers the revision and epoch it has, so when the owner changes (a member
 * died, joined or left) it joins the new owner by resume, without the client reconnecting. Frames
 * from any member but the connection's current owner are dropped: a former owner can never
 * interleave its frames with the new owner's.
 */
final class ClusterFront {

    /** After a member said an instance moved, how long to wait before asking it again. */
    private static final long MOVED_BACKOFF_MS = 100;
    /** Beyond the call timeout, how long a live owner's answer may take before the call gives up. */
    private static final long LOST_ANSWER_MS = 30_000;

    private final Cluster cluster;
    private final Map<String, ClusterSlot> slots = new ConcurrentHashMap<>();
    private final Map<Long, ClusterCall> pending = new ConcurrentHashMap<>();
    private final AtomicLong refs = new AtomicLong();
    private final long unroutedLimitMs;
    private final long callTimeoutMs;
    private volatile boolean stopping;
    private volatile int stopCode;
    private volatile String stopReason;

    ClusterFront(Cluster cluster, long unroutedLimitMs, long callTimeoutMs) {
        this.cluster = cluster;
        this.unroutedLimitMs = unroutedLimitMs;
        this.callTimeoutMs = callTimeoutMs;
    }

    // ---- from this server's sockets and API ----

    void join(InstanceKey key, ClientConnection connection, long revision, String epoch) {
        ClusterSlot slot = new ClusterSlot(key, connection, revision, epoch, now());
        slots.put(connection.connectionId(), slot);
        synchronized (slot) {
            route(slot, cluster.owner(key));
        }
    }

    void leave(InstanceKey key, ClientConnection connection) {
        ClusterSlot slot = slots.remove(connection.connectionId());
        if (slot != null) {
            UUID owner;
            synchronized (slot) {
                owner = slot.owner;
                slot.owner = null;
                slot.closed = true;
            }
            if (owner != null) {
                cluster.toBack(owner, out -> out.kind(ClusterWire.LEAVE).key(key).string(connection.connectionId()),
                        back -> back.onLeave(cluster.local(), key, connection.connectionId()));
            }
        }
    }

    void lagged(InstanceKey key, ClientConnection connection) {
        forConnection(connection, ClusterWire.LAGGED, true);
    }

    void resync(InstanceKey key, ClientConnection connection) {
        forConnection(connection, ClusterWire.RESYNC, false);
    }

    private void forConnection(ClientConnection connection, byte kind, boolean lagging) {
        ClusterSlot slot = slots.get(connection.connectionId());
        if (slot == null) {
            return;
        }
        UUID owner;
        synchronized (slot) {
            slot.lagging = lagging || slot.lagging;
            owner = slot.owner;
        }
        if (owner != null) {
            String id = connection.connectionId();
            cluster.toBack(owner, out -> out.kind(kind).key(slot.key).string(id),
                    back -> back.onConnection(cluster.local(), kind, slot.key, id));
        }
    }

    void call(InstanceKey key, String action, JsonNode arguments, Caller caller, String clientId, JsonNode callId,
            Consumer<Outcome> reply) {
        long ref = refs.incrementAndGet();
        ClusterSlot slot = caller instanceof ClientConnection c ? slots.get(c.connectionId()) : null;
        String connectionId = slot != null ? slot.connection.connectionId() : null;
        Consumer<ClusterWire.Out> request = out -> out.kind(ClusterWire.CALL).key(key).number(ref).string(connectionId)
                .caller(caller).string(action).json(arguments).string(clientId).json(callId);
        ClusterCall.LocalRequest local = (back, from) -> back.onCall(from, ref, key, connectionId, caller, action, arguments,
                clientId, callId);
        ClusterCall p = new ClusterCall(ref, key, request, local, connectionId, reply, null,
                clientId != null && callId != null, now());
        pending.put(ref, p);
        if (slot == null) {
            synchronized (p) {
                send(p, cluster.owner(key));
            }
            return;
        }
        boolean behind;
        synchronized (slot) { // to the member the connection is joined to, after its earlier calls
            behind = slot.owner == null || slot.calls.stream().anyMatch(q -> !slot.owner.equals(q.target));
            slot.calls.add(p);
            synchronized (p) {
                if (!behind) {
                    send(p, slot.owner);
                }
            }
        }
        if (behind) {
            cluster.reconcileSoon(); // sends it once the calls before it are through
        }
    }

    CompletableFuture<Snapshot> read(InstanceKey key, Caller caller) {
        long ref = refs.incrementAndGet();
        CompletableFuture<Snapshot> reply = new CompletableFuture<>();
        Consumer<ClusterWire.Out> request = out -> out.kind(ClusterWire.READ).key(key).number(ref).caller(caller);
        ClusterCall p = new ClusterCall(ref, key, request, (back, from) -> back.onRead(from, ref, key, caller), null, null,
                reply, true, now());
        pending.put(ref, p);
        synchronized (p) {
            send(p, cluster.owner(key));
        }
        return reply;
    }

    /** Holds the slot's lock: joins the connection to {@code owner}, resuming from what it has. */
    private void route(ClusterSlot slot, UUID owner) {
        if (slot.closed) {
            return;
        }
        slot.owner = owner;
        long generation = ++slot.generation;
        slot.since = now();
        if (owner == null) {
            return;
        }
        slot.movedFrom = null;
        ClientConnection c = slot.connection;
        long revision = slot.lagging ? -1 : slot.revision;
        String epoch = slot.lagging ? null : slot.epoch;
        boolean moved = slot.synced;
        cluster.toBack(owner, out -> out.kind(ClusterWire.JOIN).key(slot.key).caller(c).string(c.clientId())
                        .number(revision).string(epoch).flag(moved).number(generation),
                back -> back.onJoin(cluster.local(), slot.key, c, c.clientId(), revision, epoch, moved, generation));
    }

    /** Holds the request's lock: sends it to {@code owner}, or leaves it waiting for one. */
    private void send(ClusterCall p, UUID owner) {
        p.target = owner;
        if (owner != null) {
            cluster.toBack(owner, p.request, back -> p.local.run(back, cluster.local()));
        }
    }

    // ---- from owners ----

    /** @return how an owner names one join of a connection in what it sends back: ID and generation */
    static String ref(String connectionId, long generation) {
        return connectionId + '#' + generation;
    }

    /** @return the slot the reference names, or {@code null}; check {@link #isCurrent} under its lock */
    private ClusterSlot slotOf(String ref) {
        int hash = ref.lastIndexOf('#');
        return hash < 0 ? null : slots.get(ref.substring(0, hash));
    }

    /**
     * Holds the slot's lock. @return whether {@code from} sent this for the connection's current
     * join: not a former owner's frame, nor an earlier join's (the connection has joined again since)
     */
    private static boolean isCurrent(ClusterSlot slot, UUID from, String ref) {
        return from.equals(slot.owner)
                && Long.parseLong(ref, ref.lastIndexOf('#') + 1, ref.length(), 10) == slot.generation;
    }

    void onFrame(UUID from, byte kind, byte[] frame, List<String> refs) {
        for (String ref : refs) {
            ClusterSlot slot = slotOf(ref);
            if (slot == null) {
                continue;
            }
            synchronized (slot) {
                if (!isCurrent(slot, from, ref)) {
                    continue;
                }
                slot.track(kind, frame);
                Sink sink = slot.connection.sink();
                if (kind == ClusterWire.PATCH) {
                    sink.sendPatch(frame);
                } else if (kind == ClusterWire.SYNC) {
                    slot.lagging = false;
                    slot.synced = true;
                    sink.sendSync(frame);
                } else {
                    sink.send(frame);
                }
            }
        }
    }

    void onClose(UUID from, String ref, int code, String reason) {
        ClusterSlot slot = slotOf(ref);
        if (slot == null) {
            return;
        }
        String connectionId = slot.connection.connectionId();
        synchronized (slot) {
            if (!isCurrent(slot, from, ref)) {
                return;
            }
            slot.owner = null;
            slot.closed = true;
        }
        slots.remove(connectionId, slot);
        slot.connection.sink().close(code, reason);
    }

    /** The owner let the connection go (it handed the instance over): it joins the new owner. */
    void onMoved(UUID from, String ref) {
        ClusterSlot slot = slotOf(ref);
        if (slot == null) {
            return;
        }
        String connectionId = slot.connection.connectionId();
        synchronized (slot) {
            if (!isCurrent(slot, from, ref)) {
                return;
            }
            slot.owner = null;
            slot.movedFrom = from;
            slot.since = now();
            if (stopping) {
                slot.closed = true;
                slots.remove(connectionId, slot);
                slot.connection.sink().close(stopCode, stopReason);
                return;
            }
            UUID owner = cluster.owner(slot.key);
            if (owner != null && !owner.equals(from)) {
                route(slot, owner);
            }
        }
    }

    void onReply(UUID from, long ref, Outcome outcome) {
        ClusterCall p = pending.get(ref);
        if (p == null) {
            return;
        }
        synchronized (p) {
            if (!from.equals(p.target) || pending.remove(ref) == null) {
                return; // a member the call has been sent past: the current target answers
            }
        }
        ClusterSlot caller = p.connectionId == null ? null : slots.get(p.connectionId);
        if (caller != null) {
            synchronized (caller) {
                caller.calls.remove(p);
                if (outcome.ownPatch() != null && from.equals(caller.owner)) {
                    caller.revision = Math.max(caller.revision, outcome.revision()); // its own patch rides along
                } else if (outcome.ownPatch() != null) { // it joined the new owner since, which sends that as a patch
                    outcome = new Outcome(outcome.revision(), outcome.value(), null, null, null, null);
                }
            }
        }
        answer(p, outcome, null, null);
    }

    /**
     * Completes a call or read: a socket's answer at once, in order with its frames; the server's
     * own API's and HTTP's on another thread, since their continuations are not this one's to run.
     */
    private static void answer(ClusterCall p, Outcome outcome, Snapshot snapshot, LiveObjectException error) {
        Runnable complete = () -> {
            if (p.reply != null) {
                p.reply.accept(outcome);
            } else if (error != null) {
                p.read.completeExceptionally(error);
            } else {
                p.read.complete(snapshot);
            }
        };
        if (p.connectionId != null) {
            complete.run();
        } else {
            java.util.concurrent.ForkJoinPool.commonPool().execute(complete);
        }
    }

    void onReadReply(UUID from, long ref, Snapshot snapshot, LiveObjectException error) {
        ClusterCall p = pending.get(ref);
        if (p == null) {
            return;
        }
        synchronized (p) {
            if (!from.equals(p.target) || pending.remove(ref) == null) {
                return;
            }
        }
        answer(p, null, snapshot, error);
    }

    /** The member did not run the call or read: it does not own the instance (any more). */
    void onRequestMoved(UUID from, long ref) {
        ClusterCall p = pending.get(ref);
        if (p == null) {
            return;
        }
        synchronized (p) {
            if (!from.equals(p.target)) {
                return;
            }
            p.target = null;
            p.movedFrom = from;
            p.movedAt = now();
        }
        cluster.reconcileSoon(); // sent on in order with the connection's other calls
    }

    // ---- upkeep ----

    /**
     * Messages between this server and {@code member} were lost: every connection joined there
     * joins again (by resume, a new generation), and the calls sent there are sent again when the
     * owner recognises them by their call ID (the others wait for their answer or time out).
     */
    void reset(UUID member) {
        for (ClusterSlot slot : slots.values()) {
            synchronized (slot) {
                if (member.equals(slot.owner)) {
                    route(slot, member);
                }
            }
        }
        for (ClusterCall p : pending.values()) {
            synchronized (p) {
                if (member.equals(p.target) && p.resendable) {
                    send(p, member);
                }
            }
        }
    }

    /**
     * Brings every connection and request in line with who owns what now: called when members or
     * partitions change, and periodically.
     */
    void reconcile(java.util.Set<UUID> alive) {
        long now = now();
        Map<InstanceKey, UUID> owners = new HashMap<>();
        List<ClusterSlot> expired = new ArrayList<>();
        for (ClusterSlot slot : slots.values()) {
            UUID owner = owners.computeIfAbsent(slot.key, cluster::owner);
            synchronized (slot) {
                if (owner != null && owner.equals(slot.owner)) {
                    continue;
                }
                if (slot.owner != null && owner == null && alive.contains(slot.owner)) {
                    continue; // no owner known right now (partitions being assigned): stay
                }
                if (owner == null || (owner.equals(slot.movedFrom) && now - slot.since < MOVED_BACKOFF_MS)) {
                    if (slot.owner != null && !alive.contains(slot.owner)) {
                        slot.owner = null;
                        slot.since = now;
                    }
                    if (slot.owner == null && now - slot.since > unroutedLimitMs) {
                        expired.add(slot);
                    }
                    continue;
                }
                route(slot, owner); // a new owner: the old one, if alive, lets it go and its frames are dropped
            }
        }
        for (ClusterSlot slot : expired) {
            synchronized (slot) {
                slot.closed = true;
            }
            if (slots.remove(slot.connection.connectionId(), slot)) {
                String reason = slot.key + " has no server to run on right now (the cluster has lost members);"
                        + " reconnect";
                slot.connection.sink().send(Frames.error(null, ErrorCode.UNAVAILABLE, reason));
                slot.connection.sink().close(4503, reason);
            }
        }
        List<ClusterCall> calls = new ArrayList<>(pending.values());
        calls.sort(java.util.Comparator.comparingLong(p -> p.ref)); // each connection's in the order sent
        for (ClusterCall p : calls) {
            ClusterSlot slot = p.connectionId == null ? null : slots.get(p.connectionId);
            if (slot == null) {
                reconcile(p, owners.computeIfAbsent(p.key, cluster::owner), alive, now);
                continue;
            }
            synchronized (slot) {
                if (!slot.calls.contains(p)) {
                    continue; // answered meanwhile
                }
                // a call goes to the connection's member only once none before it is still out elsewhere
                boolean blocked = false;
                for (ClusterCall q : slot.calls) {
                    if (q == p) {
                        break;
                    }
                    blocked |= q.target == null || !q.target.equals(slot.owner);
                }
                reconcile(p, blocked ? null : slot.owner, alive, now);
                if (!pending.containsKey(p.ref)) {
                    slot.calls.remove(p);
                }
            }
        }
    }

    private void reconcile(ClusterCall p, UUID owner, java.util.Set<UUID> alive, long now) {
        ErrorCode code = ErrorCode.UNAVAILABLE;
        String failure;
        synchronized (p) {
            if (p.target != null && alive.contains(p.target)) {
                if (now - p.since < callTimeoutMs + LOST_ANSWER_MS) {
                    return; // it answers, or says the instance moved
                }
                code = ErrorCode.TIMEOUT;
                failure = "no answer from the server running " + p.key + "; the call may have run";
            } else if (p.target != null && !p.resendable) {
                failure = "the server running " + p.key + " left the cluster while the call ran; whether it ran"
                        + " is unknown";
            } else if (owner != null && !(owner.equals(p.movedFrom) && now - p.movedAt < MOVED_BACKOFF_MS)) {
                send(p, owner); // not run, or recognised by its call ID when it comes again
                return;
            } else if (now - p.since > callTimeoutMs) {
                failure = p.key + " has no server to run on right now (the cluster has lost members); try again";
            } else {
                p.target = null; // waits for an owner
                return;
            }
            pending.remove(p.ref);
            p.target = null;
        }
        answer(p, Outcome.failed(code, failure), null, new LiveObjectException(code, failure));
    }

    /**
     * The server is stopping: connections the owners let go are closed with this code instead of
     * moving, as are those waiting for an owner.
     */
    void stop(int code, String reason) {
        stopCode = code;
        stopReason = reason;
        stopping = true;
        for (ClusterSlot slot : slots.values()) {
            synchronized (slot) {
                if (slot.owner != null && slot.owner.equals(cluster.local())) {
                    continue; // closed once this server's copy lets it go, after its stored outputs
                }
            }
            leave(slot.key, slot.connection); // another member's outputs are its own to finish
            slot.connection.sink().close(code, reason);
        }
    }

    private long now() {
        return System.currentTimeMillis();
    }
}
