package dev.tandem.client;

/** Where a {@link LiveConnection} stands. */
public enum ConnectionStatus {
    /** Opening the first time. */
    CONNECTING,
    /** Connected; state is live. */
    OPEN,
    /** The socket dropped; the client is reconnecting and will resume from its revision. */
    RECONNECTING,
    /** Closed for good, by {@link LiveConnection#close()} or by a refusal from the server. */
    CLOSED
}
