package dev.tandem.runtime.internal;

/**
 * Where an instance's messages for one client go: a WebSocket connection's outbox. Sends may
 * happen from any thread; a sink sends in the order it is given frames.
 */
public interface Sink {

    /**
     * Sends a message that must arrive (a snapshot, a result, an error).
     *
     * @param frame UTF-8 JSON; not modified afterwards
     */
    void send(byte[] frame);

    /**
     * Sends a patch, unless the client has fallen behind: then the patch is dropped and the
     * client later gets a fresh snapshot instead (see {@code tandem.limits.max-send-queue}).
     *
     * @param frame UTF-8 JSON shared with other recipients; not modified afterwards
     */
    void sendPatch(byte[] frame);

    /**
     * Sends a message that brings the client in sync (a snapshot, or the end of a resume): a client
     * that fell behind gets patches again only after it.
     *
     * @param frame UTF-8 JSON; not modified afterwards
     */
    default void sendSync(byte[] frame) {
        send(frame);
    }

    /**
     * Sends what is queued, then closes.
     *
     * @param code a WebSocket close code
     * @param reason why, for the client
     */
    void close(int code, String reason);

    /**
     * The instance let this connection go because another server runs it now. A client's own
     * socket is closed (4503) so that it reconnects; in a cluster, the server the client is
     * connected to joins it to the new owner instead, and the client sees no close.
     *
     * @param reason why, for the client
     */
    default void moved(String reason) {
        close(4503, reason);
    }
}
