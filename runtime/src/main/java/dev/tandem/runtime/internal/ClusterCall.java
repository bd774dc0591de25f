package dev.tandem.runtime.internal;

import dev.tandem.runtime.Snapshot;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A call or read that a {@link ClusterFront} sent to an instance's owner and that is not answered
 * yet: what to send again if the owner changes, and where the answer goes.
 */
final class ClusterCall {
    final long ref;
    final InstanceKey key;
    final Consumer<ClusterWire.Out> request;
    final LocalRequest local;
    final String connectionId;
    final Consumer<Outcome> reply;
    final CompletableFuture<Snapshot> read;
    /** A call the owner recognises when it comes again (client and call ID): it may be resent. */
    final boolean resendable;
    final long since;
    UUID target;
    UUID movedFrom;
    long movedAt;

    ClusterCall(long ref, InstanceKey key, Consumer<ClusterWire.Out> request, LocalRequest local, String connectionId,
            Consumer<Outcome> reply, CompletableFuture<Snapshot> read, boolean resendable, long now) {
        this.ref = ref;
        this.key = key;
        this.request = request;
        this.local = local;
        this.connectionId = connectionId;
        this.reply = reply;
        this.read = read;
        this.resendable = resendable;
        this.since = now;
    }

    /** The request as the owner's back takes it when the owner is this server. */
    @FunctionalInterface
    interface LocalRequest {
        void run(ClusterBack back, UUID from);
    }
}
