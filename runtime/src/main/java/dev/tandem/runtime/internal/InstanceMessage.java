package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.Caller;
import dev.tandem.runtime.Snapshot;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** What an instance's mailbox carries; each kind has an {@code onXxx} handler in {@link LiveInstance}. */
sealed interface InstanceMessage {

    /**
     * A client calls an action.
     *
     * @param action the action's name
     * @param arguments JSON array or object
     * @param caller who is calling
     * @param clientId scopes {@code callId} for at-most-once calls, or {@code null}
     * @param callId the client's ID for the call, echoed in the answer; {@code null} for HTTP calls
     * @param reply receives the outcome
     * @param postedAt when it was posted ({@link System#nanoTime()}), for the call timeout
     */
    record Call(String action, JsonNode arguments, Caller caller, String clientId, JsonNode callId,
            Consumer<Outcome> reply, long postedAt) implements InstanceMessage {
    }

    /**
     * A client connects, possibly resuming from a revision it has.
     *
     * @param connection the connection
     * @param resumeRevision the revision the client has, or -1 for a fresh start
     * @param resumeEpoch the epoch of that revision, or {@code null}
     * @param moved the connection was joined to the instance on another server, which ran its
     *     {@code @OnConnect} (and {@code @OnJoin}); here they do not run again, and
     *     {@code @OnDisconnect} runs when it leaves, so the hooks pair up across an owner change
     */
    record Join(ClientConnection connection, long resumeRevision, String resumeEpoch, boolean moved)
            implements InstanceMessage {

        Join(ClientConnection connection, long resumeRevision, String resumeEpoch) {
            this(connection, resumeRevision, resumeEpoch, false);
        }
    }

    /** @param connection a connection that ended */
    record Leave(ClientConnection connection) implements InstanceMessage {
    }

    /**
     * @param caller who reads, or {@code null} for the server itself
     * @param reply receives a snapshot once it is stored
     */
    record Read(dev.tandem.Caller caller, CompletableFuture<Snapshot> reply) implements InstanceMessage {
    }

    /**
     * A timer may be due.
     *
     * @param timer its name
     * @param dueAt the due time it was scheduled for
     */
    record TimerDue(String timer, long dueAt) implements InstanceMessage {
    }

    /** @param revision a revision now stored */
    record Stored(long revision) implements InstanceMessage {
    }

    /** @param failure why a write failed */
    record StoreFailed(RuntimeException failure) implements InstanceMessage {
    }

    /** @param connection a connection that stopped reading; it stops receiving patches */
    record Lagged(ClientConnection connection) implements InstanceMessage {
    }

    /** @param connection a connection that caught up; it gets a fresh snapshot */
    record Resync(ClientConnection connection) implements InstanceMessage {
    }

    /**
     * Periodic upkeep: forget old call results, and leave memory if idle long enough.
     *
     * @param now the time in milliseconds
     * @param force leave memory if idle at all (active-instance cap, shutdown)
     */
    record Tick(long now, boolean force) implements InstanceMessage {
    }

    /**
     * Close every connection (server shutdown, or an operator's request); clients reconnect.
     *
     * @param code the WebSocket close code
     * @param reason why, for the clients
     */
    record CloseConnections(int code, String reason) implements InstanceMessage {
    }

    /**
     * @param message a message for an instance
     * @return whether it needs the instance in memory (a call, join, read or wake). The others
     *     concern an activation that is gone when the instance is not in memory: its connections
     *     left with it, and its timers and writes are stored; loading it for them would be waste.
     */
    static boolean activates(InstanceMessage message) {
        return message instanceof Call || message instanceof Join || message instanceof Read || message instanceof Wake;
    }

    /** Brings the instance into memory (for a due timer) and does nothing else. */
    record Wake() implements InstanceMessage {
    }

    /**
     * Another server owns the instance now (cluster): outputs waiting for storage go out, then its
     * connections are let go ({@link Sink#moved}) and it leaves memory; calls and joins that come
     * meanwhile are answered "moved", for their server to send to the new owner.
     */
    record Handoff() implements InstanceMessage {
    }
}
