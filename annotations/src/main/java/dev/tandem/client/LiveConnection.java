package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A live connection to one instance, untyped: state as a JSON tree, actions by name. Typed clients
 * generated for each live-object class wrap it.
 */
public interface LiveConnection extends AutoCloseable {

    /** @return the live-object type */
    String typeName();

    /** @return the instance ID */
    String id();

    /**
     * The local copy of the state. Each change replaces the whole tree, so a tree once returned
     * never changes; do not modify it.
     *
     * @return the state as of {@link #revision()}
     */
    ObjectNode state();

    /** @return the revision of {@link #state()} */
    long revision();

    /** @return where the connection stands */
    ConnectionStatus status();

    /**
     * What the current state allows, computed here from the type's state machine (read from its
     * model document on the classpath, {@code META-INF/tandem/models/<type>.json}) with no round
     * trip. A type without a {@code @State} field allows all its actions.
     *
     * <pre>{@code
     * if (order.connection().machine().can("pay")) order.actions().pay("p-1");
     * }</pre>
     *
     * @return the view of {@link #state()}
     */
    default MachineView machine() {
        return MachineView.of(typeName(), state());
    }

    /**
     * Calls an action. Calls made while reconnecting are queued and sent, with their original call
     * IDs, once the connection is back; the server runs each call at most once.
     *
     * @param action the action's name
     * @param arguments the arguments, by position
     * @return completes with the action's encoded result after {@link #state()} includes the
     *     turn's changes, or fails with a {@link CallFailedException}
     */
    CompletableFuture<JsonNode> call(String action, ArrayNode arguments);

    /**
     * Listens to state changes; the listener runs after each change, on the client's thread.
     *
     * @param listener receives the new state
     * @return the subscription
     */
    Subscription subscribe(Consumer<ObjectNode> listener);

    /**
     * Listens to status changes.
     *
     * @param listener receives the new status
     * @return the subscription
     */
    Subscription onStatus(Consumer<ConnectionStatus> listener);

    /** Closes the connection; pending calls fail with code {@code closed}. */
    @Override
    void close();
}
