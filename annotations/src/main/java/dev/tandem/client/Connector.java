package dev.tandem.client;

import java.util.concurrent.CompletableFuture;

/** Opens connections to live-object instances; implemented by {@link TandemClient}. */
@FunctionalInterface
public interface Connector {

    /**
     * Connects to one instance.
     *
     * @param typeName the live-object type, for example {@code "tic-tac-toe"}
     * @param id the instance ID
     * @return completes once the first snapshot has arrived, or fails with a
     *     {@link CallFailedException} at the first failed attempt: the server's code and reason if it
     *     refused, {@code connection_failed} if the socket could not connect or closed before the
     *     snapshot (for example "connection refused"), {@code timeout} if no snapshot came in time
     */
    CompletableFuture<LiveConnection> connect(String typeName, String id);
}
