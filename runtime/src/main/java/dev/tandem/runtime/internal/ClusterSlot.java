package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.UUID;

/**
 * One client connection of this server in a cluster (see {@link ClusterFront}): the member it is
 * joined to and which join that is, what it was last sent (to resume from on another owner), and
 * its calls not yet answered. Touched under its own lock.
 */
final class ClusterSlot {

    private static final byte[] PATCH_HEAD = "{\"type\":\"patch\",\"rev\":".getBytes(StandardCharsets.UTF_8);

    final InstanceKey key;
    final ClientConnection connection;
    /** The member the connection is joined to, or {@code null} while it waits for one. */
    UUID owner;
    UUID movedFrom;
    long since;
    long revision;
    String epoch;
    boolean lagging;
    /** An owner completed its join (sent a snapshot or resume): a later join is a move. */
    boolean synced;
    /** It left (or was closed): nothing routes it any more. */
    boolean closed;
    /** Counts its joins: it takes frames only from the last one. */
    long generation;
    /** Its calls not yet answered, in the order sent: each follows the one before to its member. */
    final ArrayDeque<ClusterCall> calls = new ArrayDeque<>();

    ClusterSlot(InstanceKey key, ClientConnection connection, long revision, String epoch, long now) {
        this.key = key;
        this.connection = connection;
        this.revision = revision;
        this.epoch = epoch;
        this.since = now;
    }

    /** Holds its lock: remembers the revision (and epoch) the client has, to resume from on another owner. */
    void track(byte kind, byte[] frame) {
        if (startsWith(frame, PATCH_HEAD)) {
            long rev = 0;
            for (int i = PATCH_HEAD.length; i < frame.length && frame[i] >= '0' && frame[i] <= '9'; i++) {
                rev = rev * 10 + (frame[i] - '0');
            }
            revision = Math.max(revision, rev);
        } else if (kind == ClusterWire.SYNC) {
            try {
                JsonNode m = Frames.JSON.readTree(frame);
                revision = m.path("rev").asLong(-1);
                epoch = m.path("epoch").asText(null);
            } catch (java.io.IOException e) {
                revision = -1;
            }
        }
    }

    private static boolean startsWith(byte[] frame, byte[] head) {
        if (frame.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if (frame[i] != head[i]) {
                return false;
            }
        }
        return true;
    }
}
