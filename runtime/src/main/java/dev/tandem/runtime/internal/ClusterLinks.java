package dev.tandem.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * What this server has to send to each other member, gathered into batches: messages queue per
 * member and one sender thread sends each member's queue as one batch, in order. A patch frame
 * that several of a member's connections get crosses once, with their connection IDs: one relay
 * per member and instance, however many of its clients watch it.
 */
final class ClusterLinks {

    private final Map<UUID, Link> links = new ConcurrentHashMap<>();
    private final ExecutorService sender;
    private final SendTo transport;

    /** Sends a batch to a member. */
    @FunctionalInterface
    interface SendTo {
        void send(UUID member, byte[] batch);
    }

    ClusterLinks(ExecutorService sender, SendTo transport) {
        this.sender = sender;
        this.transport = transport;
    }

    /** Queues a message for a member. */
    void send(UUID member, Consumer<ClusterWire.Out> message) {
        link(member).add(new Entry(message, null, null, null));
    }

    /**
     * Queues a frame for one of a member's connections; a patch frame joins the one queued just
     * before it when that is the same frame.
     */
    void frame(UUID member, byte kind, byte[] frame, String connectionId) {
        link(member).add(new Entry(null, kind, frame, connectionId));
    }

    /** Forgets the members that left: what was queued for them is dropped. */
    void forgetAllBut(java.util.Set<UUID> alive) {
        links.keySet().removeIf(member -> !alive.contains(member));
    }

    private Link link(UUID member) {
        return links.computeIfAbsent(member, Link::new);
    }

    private record Entry(Consumer<ClusterWire.Out> message, Byte kind, byte[] frame, String connectionId) {
    }

    private static final class Group {
        final Entry first;
        final List<String> connections;
        int position;

        Group(Entry first, List<String> connections) {
            this.first = first;
            this.connections = connections;
        }
    }

    private final class Link implements Runnable {
        private final UUID member;
        private List<Entry> queue = new ArrayList<>();
        private boolean scheduled;
        /** Numbers the batches, so the receiver notices one that was lost. */
        private long sequence;

        Link(UUID member) {
            this.member = member;
        }

        synchronized void add(Entry entry) {
            queue.add(entry);
            if (!scheduled) {
                try {
                    sender.execute(this);
                    scheduled = true;
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    queue.clear(); // this server has left the cluster: nothing more goes out
                }
            }
        }

        @Override
        public void run() {
            List<Entry> batch;
            synchronized (this) {
                batch = queue;
                queue = new ArrayList<>();
                scheduled = false;
            }
            if (batch.isEmpty()) {
                return;
            }
            // a patch frame joins an earlier group of the same frame unless one of its connection's own
            // frames came since; any other message is a barrier, so each connection's order holds
            List<Group> groups = new ArrayList<>();
            Map<byte[], Group> byFrame = new java.util.IdentityHashMap<>();
            Map<String, Integer> lastOf = new java.util.HashMap<>();
            for (Entry e : batch) {
                if (e.message() != null) {
                    groups.add(new Group(e, null));
                    byFrame.clear();
                    continue;
                }
                Group g = e.kind() == ClusterWire.PATCH ? byFrame.get(e.frame()) : null;
                if (g == null || lastOf.getOrDefault(e.connectionId(), -1) > g.position) {
                    g = new Group(e, new ArrayList<>());
                    g.position = groups.size();
                    groups.add(g);
                    if (e.kind() == ClusterWire.PATCH) {
                        byFrame.put(e.frame(), g);
                    }
                }
                g.connections.add(e.connectionId());
                lastOf.put(e.connectionId(), g.position);
            }
            ClusterWire.Out out = new ClusterWire.Out();
            out.number(++sequence);
            for (Group g : groups) {
                if (g.connections == null) {
                    g.first.message().accept(out);
                    continue;
                }
                out.kind(ClusterWire.FRAME).kind(g.first.kind()).bytes(g.first.frame()).number(g.connections.size());
                g.connections.forEach(out::string);
            }
            transport.send(member, out.toByteArray());
        }
    }
}
