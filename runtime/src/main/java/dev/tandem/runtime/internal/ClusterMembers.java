package dev.tandem.runtime.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;
import com.hazelcast.topic.ITopic;
import dev.tandem.runtime.TandemConfiguration;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's embedded Hazelcast member: who is in the cluster, which member owns each
 * instance (the owner of the Hazelcast partition its key falls in), and a topic per member that
 * carries batches to it. Hazelcast's data structures hold nothing of Tandem's: the database is the
 * source of truth and the fencing authority.
 */
final class ClusterMembers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembers.class);
    private static final String TOPIC = "tandem.node.";

    private final HazelcastInstance hz;
    private final int quorum;
    private final BiConsumer<UUID, byte[]> receiver;
    private final Runnable changed;
    private volatile UUID local;
    private volatile UUID registration;
    private volatile ITopic<byte[]> inbox;
    private volatile boolean closed;

    /**
     * Starts the member and joins the cluster through the configured member list.
     *
     * @param config {@code tandem.cluster}
     * @param receiver gets each batch sent to this member, with the sender, on a Hazelcast event thread
     * @param changed called when members come or go, or partitions move
     */
    ClusterMembers(TandemConfiguration.Cluster config, BiConsumer<UUID, byte[]> receiver, Runnable changed) {
        this.quorum = config.effectiveQuorum();
        this.receiver = receiver;
        this.changed = changed;
        this.hz = Hazelcast.newHazelcastInstance(hazelcastConfig(config));
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                LOG.info("Cluster member joined: {} ({} members)", event.getMember().getAddress(),
                        event.getMembers().size());
                changed.run();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                LOG.warn("Cluster member left: {} ({} members)", event.getMember().getAddress(),
                        event.getMembers().size());
                changed.run();
            }
        });
        hz.getPartitionService().addMigrationListener(new MigrationListener() {
            @Override
            public void migrationStarted(MigrationState state) {
            }

            @Override
            public void migrationFinished(MigrationState state) {
                changed.run();
            }

            @Override
            public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
                if (event.getReplicaIndex() == 0) {
                    changed.run();
                }
            }

            @Override
            public void replicaMigrationFailed(ReplicaMigrationEvent event) {
                changed.run();
            }
        });
        hz.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                subscribe(); // a member that merged back after a split has a new identity
            }
            changed.run();
        });
        subscribe();
    }

    static Config hazelcastConfig(TandemConfiguration.Cluster cluster) {
        Config config = new Config();
        config.setClusterName(cluster.getName());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false"); // the server leaves in its own order
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.heartbeat.interval.seconds",
                Long.toString(cluster.getHeartbeatInterval().toSeconds()));
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(cluster.getFailureTimeout().toSeconds()));
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.getPort()).setPortAutoIncrement(false);
        network.setPublicAddress(cluster.getHost() + ":" + cluster.getPort());
        network.getInterfaces().setEnabled(true).addInterface(cluster.getHost());
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.getMembers().isEmpty()
                ? java.util.List.of(cluster.getHost() + ":" + cluster.getPort()) : cluster.getMembers());
        return config;
    }

    private synchronized void subscribe() {
        if (closed) {
            return;
        }
        if (inbox != null && registration != null) {
            try {
                inbox.removeMessageListener(registration);
            } catch (RuntimeException e) {
                LOG.debug("Removing the old inbox listener failed: {}", e.toString());
            }
        }
        UUID me = hz.getCluster().getLocalMember().getUuid();
        ITopic<byte[]> topic = hz.getTopic(TOPIC + me);
        registration = topic.addMessageListener(m -> {
            Member from = m.getPublishingMember();
            if (from != null) {
                receiver.accept(from.getUuid(), m.getMessageObject());
            }
        });
        inbox = topic;
        local = me;
    }

    /** @return this member's ID */
    UUID local() {
        return local;
    }

    /**
     * @param key an instance
     * @return the member that owns it, or {@code null} when none does for now (partitions being
     *     assigned, or this member sees fewer than the quorum)
     */
    UUID owner(InstanceKey key) {
        if (closed || !hasQuorum()) {
            return null;
        }
        try {
            Partition partition = hz.getPartitionService().getPartition(key.type() + ':' + key.id());
            Member owner = partition.getOwner();
            return owner == null ? null : owner.getUuid();
        } catch (RuntimeException e) { // shutting down
            return null;
        }
    }

    /** @return whether this member sees at least the quorum of members (itself included) */
    boolean hasQuorum() {
        try {
            return hz.getCluster().getMembers().size() >= quorum;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** @return each member this one sees, by ID, as {@code host:port} */
    java.util.Map<UUID, String> addresses() {
        try {
            java.util.Map<UUID, String> all = new java.util.LinkedHashMap<>();
            hz.getCluster().getMembers().forEach(m -> all.put(m.getUuid(), m.getAddress().getHost() + ":"
                    + m.getAddress().getPort()));
            return all;
        } catch (RuntimeException e) {
            return java.util.Map.of();
        }
    }

    /** @return the IDs of the members this one sees */
    Set<UUID> members() {
        try {
            return hz.getCluster().getMembers().stream().map(Member::getUuid).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /**
     * Sends a batch; batches from one sender to one member arrive in the order sent. A batch to a
     * member that is gone is lost: the sender learns of it by the membership change.
     */
    void send(UUID member, byte[] batch) {
        try {
            hz.<byte[]>getTopic(TOPIC + member).publish(batch);
        } catch (RuntimeException e) {
            LOG.debug("Sending to member {} failed: {}", member, e.toString());
        }
    }

    /** Leaves the cluster; its partitions move to the other members first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            hz.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("Leaving the cluster failed: {}", e.toString());
        }
    }
}
