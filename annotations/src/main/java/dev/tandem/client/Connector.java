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
     *     {@link CallFailedException} if the server refused the connection
     */
    CompletableFuture<LiveConnection> connect(String typeName, String id);
}
