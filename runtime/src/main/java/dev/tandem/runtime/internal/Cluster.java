package dev.tandem.runtime.internal;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.Snapshot;
import dev.tandem.runtime.TandemConfiguration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server as a member of a cluster ({@code tandem.cluster.enabled}): the Hazelcast member
 * that says who owns each instance, the front that routes this server's clients to owners, the
 * back that runs the instances this server owns, and the links between servers. See
 * {@code docs/CLUSTER.md}.
 */
final class Cluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
    /** How often ownership is checked even when Hazelcast reports no change. */
    private static final long RECONCILE_MS = 200;

    private final Host host;
    private final ClusterFront front;
    private final ClusterBack back;
    private final ClusterLinks links;
    private final ExecutorService sender;
    private final ExecutorService receiver;
    private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    /** Instances whose writes here were refused lately, and until when this server keeps off them. */
    private final java.util.Map<InstanceKey, Long> fenced = new java.util.concurrent.ConcurrentHashMap<>();
    private final long fenceHoldMs;
    /** The last batch number received from each member. */
    private final java.util.Map<UUID, Long> sequences = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService upkeep;
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();
    private volatile ClusterMembers members;
    private final TandemConfiguration.Cluster settings;
    private final AtomicBoolean left = new AtomicBoolean();
    private volatile boolean leaving;

    Cluster(Host host, TandemConfiguration config) {
        this.host = host;
        TandemConfiguration.Cluster cluster = config.getCluster();
        this.sender = Executors.newSingleThreadExecutor(daemon("tandem-cluster-send"));
        this.receiver = Executors.newSingleThreadExecutor(daemon("tandem-cluster-receive"));
        this.fenceHoldMs = cluster.getFailureTimeout().toMillis() * 2;
        this.upkeep = Executors.newSingleThreadScheduledExecutor(daemon("tandem-cluster"));
        this.front = new ClusterFront(this, cluster.getFailureTimeout().toMillis() * 3,
                config.getLimits().getCallTimeout().toMillis());
        this.back = new ClusterBack(this, host);
        this.links = new ClusterLinks(sender, (member, batch) -> this.members.send(member, batch));
        this.settings = cluster;
    }

    /** Starts the member and joins the cluster. */
    void start() {
        this.members = new ClusterMembers(settings, this::received, this::changed);
        started.countDown();
        upkeep.scheduleWithFixedDelay(this::reconcile, RECONCILE_MS, RECONCILE_MS, TimeUnit.MILLISECONDS);
        LOG.info("Joined cluster '{}' as {}:{} ({} members; quorum {})", settings.getName(), settings.getHost(),
                settings.getPort(), members.members().size(), settings.effectiveQuorum());
    }

    ClusterFront front() {
        return front;
    }

    UUID local() {
        return members.local();
    }

    /** @return the member that owns the instance now, or {@code null} if none does */
    UUID owner(InstanceKey key) {
        return members.owner(key);
    }

    /**
     * @param key an instance, or {@code null}
     * @return what this member sees: members, quorum, and the owner of {@code key}
     */
    java.util.Map<String, Object> status(InstanceKey key) {
        java.util.Map<UUID, String> addresses = members.addresses();
        java.util.Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("local", addresses.getOrDefault(members.local(), "?"));
        status.put("members", List.copyOf(addresses.values()));
        status.put("quorum", settings.effectiveQuorum());
        status.put("hasQuorum", members.hasQuorum());
        status.put("leaving", leaving);
        status.put("instancesHere", host.activeInstances());
        if (key != null) {
            UUID owner = owner(key);
            status.put("instance", key.toString());
            status.put("owner", owner == null ? null : addresses.get(owner));
        }
        return status;
    }

    /** @return whether this server runs the instance: it owns it and is not leaving */
    boolean ownsHere(InstanceKey key) {
        UUID owner = members.owner(key);
        if (leaving || owner == null || !owner.equals(members.local())) {
            return false;
        }
        Long until = fenced.get(key);
        return until == null || until < System.currentTimeMillis();
    }

    /**
     * This server's write of the instance was refused: another server took it over, though this
     * one's view of the cluster may still say otherwise (it was paused, or cut off). It keeps off
     * the instance for a while (twice the failure timeout), so as not to take it back from the
     * rightful owner before its view catches up.
     */
    void fenced(InstanceKey key) {
        fenced.put(key, System.currentTimeMillis() + fenceHoldMs);
    }

    /** Asks for a check of who owns what soon. */
    void reconcileSoon() {
        changed();
    }

    /** A request for an owner: handled here when this server is the owner, else sent. */
    void toBack(UUID member, Consumer<ClusterWire.Out> message, Consumer<ClusterBack> here) {
        if (member.equals(members.local())) {
            here.accept(back);
        } else {
            links.send(member, message);
        }
    }

    /** An answer for the member a client is connected to. */
    void toFront(UUID member, Consumer<ClusterWire.Out> message, Consumer<ClusterFront> here) {
        if (member.equals(members.local())) {
            here.accept(front);
        } else {
            links.send(member, message);
        }
    }

    /** A frame for one connection of a member. */
    void frame(UUID member, byte kind, byte[] frame, String connectionId) {
        if (member.equals(members.local())) {
            front.onFrame(member, kind, frame, List.of(connectionId));
        } else {
            links.frame(member, kind, frame, connectionId);
        }
    }

    /**
     * A batch from another member, on a Hazelcast event thread: handed to this server's own
     * receiving thread, in order, so that nothing here (nor an application's reaction to an answer)
     * holds Hazelcast's event threads; batches wait there until this server has started.
     */
    void received(UUID from, byte[] batch) {
        try {
            receiver.execute(() -> handle(from, batch));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("A batch from {} came after this server stopped", from);
        }
    }

    private void handle(UUID from, byte[] batch) {
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ClusterWire.In in = new ClusterWire.In(batch);
        try {
            long sequence = in.number();
            Long last = sequences.put(from, sequence);
            if (sequence != (last == null ? 1 : last + 1)) {
                // batches from it were lost (Hazelcast's topics don't resend): both sides start over
                LOG.warn("Missed messages from cluster member {} (batch {} after {}); its connections here"
                        + " join again", from, sequence, last);
                front.reset(from);
                links.send(from, out -> out.kind(ClusterWire.RESET));
            }
            while (in.more()) {
                byte kind = in.kind();
                try {
                    dispatch(from, kind, in);
                } catch (RuntimeException e) { // one message's handler failed: the others still count
                    LOG.error("Handling message {} from cluster member {} failed", kind, from, e);
                }
            }
        } catch (IOException e) {
            LOG.error("A batch from cluster member {} could not be read; the rest of it was dropped", from, e);
        }
    }

    private void dispatch(UUID from, byte kind, ClusterWire.In in) throws IOException {
        switch (kind) {
            case ClusterWire.JOIN -> {
                InstanceKey key = in.key();
                dev.tandem.Caller who = in.caller();
                String clientId = in.string();
                long revision = in.number();
                String epoch = in.string();
                boolean moved = in.flag();
                back.onJoin(from, key, who, clientId, revision, epoch, moved, in.number());
            }
            case ClusterWire.LEAVE -> back.onLeave(from, in.key(), in.string());
            case ClusterWire.LAGGED, ClusterWire.RESYNC -> back.onConnection(from, kind, in.key(), in.string());
            case ClusterWire.CALL -> {
                InstanceKey key = in.key();
                long ref = in.number();
                String connectionId = in.string();
                dev.tandem.Caller caller = in.caller();
                String action = in.string();
                com.fasterxml.jackson.databind.JsonNode arguments = in.json();
                String clientId = in.string();
                back.onCall(from, ref, key, connectionId, caller, action, arguments, clientId, in.json());
            }
            case ClusterWire.READ -> {
                InstanceKey key = in.key();
                long ref = in.number();
                back.onRead(from, ref, key, in.caller());
            }
            case ClusterWire.FRAME -> {
                byte frameKind = in.kind();
                byte[] frame = in.bytes();
                int n = (int) in.number();
                List<String> ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add(in.string());
                }
                front.onFrame(from, frameKind, frame, ids);
            }
            case ClusterWire.CLOSE -> front.onClose(from, in.string(), (int) in.number(), in.string());
            case ClusterWire.MOVED -> front.onMoved(from, in.string());
            case ClusterWire.REPLY -> {
                long ref = in.number();
                front.onReply(from, ref, in.outcome());
            }
            case ClusterWire.CALL_MOVED -> front.onRequestMoved(from, in.number());
            case ClusterWire.RESET -> front.reset(from);
            case ClusterWire.READ_REPLY -> {
                long ref = in.number();
                if (in.flag()) {
                    front.onReadReply(from, ref, new Snapshot(in.number(), in.string(),
                            (com.fasterxml.jackson.databind.node.ObjectNode) in.json()), null);
                } else {
                    front.onReadReply(from, ref, null, new LiveObjectException(ErrorCode.valueOf(in.string()),
                            in.string()));
                }
            }
            default -> throw new IOException("unknown message kind " + kind);
        }
    }

    private void changed() {
        if (reconcileQueued.compareAndSet(false, true)) {
            try {
                upkeep.execute(this::reconcile);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopped: Hazelcast reports its own shutdown on the thread that asked for it
            }
        }
    }

    private void reconcile() {
        reconcileQueued.set(false);
        try {
            Set<UUID> alive = members.members();
            long now = System.currentTimeMillis();
            fenced.values().removeIf(until -> until < now);
            links.forgetAllBut(alive);
            sequences.keySet().removeIf(member -> !alive.contains(member));
            back.reconcile(alive);
            host.handOff(key -> !ownsHere(key));
            front.reconcile(alive);
        } catch (RuntimeException e) {
            LOG.warn("Checking who owns what failed: {}", e.toString());
        }
    }

    /**
     * Leaves the cluster as a server stopping should: this server's instances finish what they
     * stored and hand over (clients on other servers move to the new owners, this server's own
     * clients are closed with {@code code}), then the member leaves and its partitions move.
     */
    void leave(int code, String reason, long graceMillis) {
        if (!left.compareAndSet(false, true)) {
            return;
        }
        leaving = true;
        front.stop(code, reason);
        host.handOff(key -> true);
        long deadline = System.currentTimeMillis() + graceMillis;
        while (host.activeInstances() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20); // instances hand over as their last writes are stored
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    @Override
    public void close() {
        leaving = true;
        left.set(true);
        sender.shutdown(); // what is queued for the other members leaves before this member does
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        members.close(); // then: leaving reports changes, and the partitions move before upkeep stops
        upkeep.shutdownNow();
        receiver.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
