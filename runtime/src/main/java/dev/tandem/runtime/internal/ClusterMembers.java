package dev.tandem.runtime.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
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
    private volatile boolean closed;

    /**
     * Starts the member and joins the cluster through the configured member list.
     *
     * @param config {@code tandem.cluster}
     * @param receiver gets each batch sent to this member, with the sender, on a Hazelcast event thread
     * @param changed called when members come or go, or partitions move
     */
    ClusterMembers(TandemConfiguration.Cluster config, BiConsumer<UUID, byte[]> receiver, Runnable changed) {
        String version = com.hazelcast.instance.BuildInfoProvider.getBuildInfo().getVersion();
        if (!version.matches("5\\.([6-9]|\\d\\d)(\\..*)?|([6-9]|\\d\\d)\\..*")) {
            throw new IllegalStateException("tandem.cluster needs Hazelcast 5.6 or later (com.hazelcast:hazelcast:5.7.0),"
                    + " but " + version + " is on the classpath. The Micronaut platform BOM pins 5.3: declare"
                    + " com.hazelcast:hazelcast 5.7.0 in your dependencyManagement ahead of it");
        }
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
        // a member that merged back after a split has a new ID but the same address, so its inbox,
        // named by address, keeps receiving
        hz.getLifecycleService().addLifecycleListener(event -> changed.run());
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
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        // Hazelcast 5.7 spins an output thread on a connection to a member that is paused but holds its
        // port (issue hazelcast/hazelcast#26388); a healthy connection on that thread loses its
        // heartbeats and the healthy members can split. More output threads, and connections that stay
        // on theirs, make that rare (measured: 9 splits in 16 pauses with the defaults, 0 in 9)
        config.setProperty("hazelcast.io.output.thread.count", "8");
        config.setProperty("hazelcast.io.balancer.interval.seconds", "-1");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "2");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "2");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.health.monitoring.level", "OFF");
        config.getMetricsConfig().setEnabled(false);
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

    private void subscribe() {
        ITopic<byte[]> topic = hz.getTopic(inbox(hz.getCluster().getLocalMember()));
        topic.addMessageListener(m -> {
            Member from = m.getPublishingMember();
            if (from != null && from.getUuid() != null) { // else a member no longer in the cluster: stale
                receiver.accept(from.getUuid(), m.getMessageObject());
            }
        });
    }

    private static String inbox(Member member) {
        return TOPIC + member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    /** @return this member's ID (a new one after it merged back into the cluster after a split) */
    UUID local() {
        return hz.getCluster().getLocalMember().getUuid();
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
            for (Member m : hz.getCluster().getMembers()) {
                if (m.getUuid().equals(member)) {
                    hz.<byte[]>getTopic(inbox(m)).publish(batch);
                    return;
                }
            }
            LOG.debug("Not sent: member {} has left", member);
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
