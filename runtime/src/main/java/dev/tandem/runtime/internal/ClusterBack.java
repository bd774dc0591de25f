package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.Caller;
import dev.tandem.runtime.LiveObjectException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The owner's side of a cluster: requests from the members clients are connected to (this one
 * included) reach the instances here. Each remote client connection is a {@link ClientConnection}
 * here too, so hooks, access rules and presence see it as a local one; what the instance sends it
 * goes back to its member. A request for an instance this member does not own is answered "moved",
 * and the sender asks the owner.
 */
final class ClusterBack {

    private final Cluster cluster;
    private final Host host;
    private final Map<Proxy, ClientConnection> proxies = new ConcurrentHashMap<>();

    private record Proxy(UUID member, String connectionId) {
    }

    ClusterBack(Cluster cluster, Host host) {
        this.cluster = cluster;
        this.host = host;
    }

    /**
     * @param generation which join of the connection this is: what the instance sends back names it,
     *     so that its front takes frames only from the join it made last
     */
    void onJoin(UUID from, InstanceKey key, Caller who, String clientId, long revision, String epoch, boolean moved,
            long generation) {
        String id = who.connectionId();
        String ref = ClusterFront.ref(id, generation);
        if (!cluster.ownsHere(key)) {
            cluster.toFront(from, out -> out.kind(ClusterWire.MOVED).string(ref), front -> front.onMoved(cluster.local(), ref));
            return;
        }
        ClientConnection proxy = new ClientConnection(id, who.userId(), who.authenticated(), who.roles(), who.claims(),
                who.attributes(), clientId, new BackSink(from, key, id, ref));
        ClientConnection before = proxies.put(new Proxy(from, id), proxy);
        if (before != null) { // it joins again (it had moved away and back): the earlier copy leaves
            host.post(key, new InstanceMessage.Leave(before));
        }
        host.post(key, new InstanceMessage.Join(proxy, revision, epoch, moved));
    }

    void onLeave(UUID from, InstanceKey key, String connectionId) {
        ClientConnection proxy = proxies.remove(new Proxy(from, connectionId));
        if (proxy != null) {
            host.post(key, new InstanceMessage.Leave(proxy));
        }
    }

    void onConnection(UUID from, byte kind, InstanceKey key, String connectionId) {
        ClientConnection proxy = proxies.get(new Proxy(from, connectionId));
        if (proxy != null) {
            host.post(key, kind == ClusterWire.LAGGED ? new InstanceMessage.Lagged(proxy)
                    : new InstanceMessage.Resync(proxy));
        }
    }

    void onCall(UUID from, long ref, InstanceKey key, String connectionId, Caller caller, String action,
            JsonNode arguments, String clientId, JsonNode callId) {
        if (!cluster.ownsHere(key)) {
            callMoved(from, ref);
            return;
        }
        ClientConnection proxy = connectionId == null ? null : proxies.get(new Proxy(from, connectionId));
        host.post(key, new InstanceMessage.Call(action, arguments, proxy != null ? proxy : caller, clientId, callId,
                outcome -> {
                    if (outcome == Outcome.MOVED) {
                        callMoved(from, ref);
                    } else {
                        cluster.toFront(from, out -> out.kind(ClusterWire.REPLY).number(ref).outcome(outcome),
                                front -> front.onReply(cluster.local(), ref, outcome));
                    }
                }, System.nanoTime()));
    }

    private void callMoved(UUID from, long ref) {
        cluster.toFront(from, out -> out.kind(ClusterWire.CALL_MOVED).number(ref),
                front -> front.onRequestMoved(cluster.local(), ref));
    }

    void onRead(UUID from, long ref, InstanceKey key, Caller caller) {
        if (!cluster.ownsHere(key)) {
            callMoved(from, ref);
            return;
        }
        host.readHere(key, caller).whenComplete((snapshot, failure) -> {
            Throwable e = failure instanceof java.util.concurrent.CompletionException c ? c.getCause() : failure;
            if (e instanceof Host.Moved) {
                callMoved(from, ref);
                return;
            }
            LiveObjectException error = e == null ? null : e instanceof LiveObjectException l ? l
                    : new LiveObjectException(dev.tandem.runtime.ErrorCode.INTERNAL, String.valueOf(e.getMessage()));
            cluster.toFront(from, out -> {
                out.kind(ClusterWire.READ_REPLY).number(ref).flag(error == null);
                if (error == null) {
                    out.number(snapshot.revision()).string(snapshot.epoch()).json(snapshot.state());
                } else {
                    out.string(error.code().name()).string(error.getMessage());
                }
            }, front -> front.onReadReply(cluster.local(), ref, snapshot, error));
        });
    }

    /** Members that left the cluster: their connections leave the instances here, as on a disconnect. */
    void reconcile(Set<UUID> alive) {
        for (var e : proxies.entrySet()) {
            if (!alive.contains(e.getKey().member()) && proxies.remove(e.getKey(), e.getValue())) {
                ClientConnection proxy = e.getValue();
                host.post(((BackSink) proxy.sink()).key, new InstanceMessage.Leave(proxy));
            }
        }
    }

    /** What an instance sends a connection of another member (or of this one) goes to that member. */
    private final class BackSink implements Sink {
        private final UUID member;
        private final InstanceKey key;
        private final String connectionId;
        /** The connection's ID and the join's generation, as its front checks them. */
        private final String ref;

        BackSink(UUID member, InstanceKey key, String connectionId, String ref) {
            this.member = member;
            this.key = key;
            this.connectionId = connectionId;
            this.ref = ref;
        }

        @Override
        public void send(byte[] frame) {
            cluster.frame(member, ClusterWire.SEND, frame, ref);
        }

        @Override
        public void sendPatch(byte[] frame) {
            cluster.frame(member, ClusterWire.PATCH, frame, ref);
        }

        @Override
        public void sendSync(byte[] frame) {
            cluster.frame(member, ClusterWire.SYNC, frame, ref);
        }

        @Override
        public void close(int code, String reason) {
            forget();
            cluster.toFront(member, out -> out.kind(ClusterWire.CLOSE).string(ref).number(code).string(reason),
                    front -> front.onClose(cluster.local(), ref, code, reason));
        }

        @Override
        public void moved(String reason) {
            forget();
            cluster.toFront(member, out -> out.kind(ClusterWire.MOVED).string(ref),
                    front -> front.onMoved(cluster.local(), ref));
        }

        private void forget() {
            Proxy p = new Proxy(member, connectionId);
            ClientConnection proxy = proxies.get(p);
            if (proxy != null && proxy.sink() == this) {
                proxies.remove(p, proxy);
            }
        }
    }
}
