package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.Caller;
import java.util.List;

/**
 * Calls the {@code @Action}s of a live object by name with JSON arguments, without reflection.
 *
 * @param <T> the live-object class
 */
public interface ActionDispatcher<T> {

    /** @return the actions, sorted by name */
    List<ActionDescriptor> actions();

    /**
     * Decodes the arguments, calls the action and encodes its result.
     *
     * @param target the instance
     * @param action the action's name
     * @param arguments a JSON array (by position), a JSON object (by parameter name), or
     *     {@code null} / an empty array for an action without parameters
     * @param caller who is calling
     * @return the encoded return value; a JSON null for {@code void}
     * @throws UnknownActionException if there is no such action
     * @throws BadArgumentsException if the arguments do not fit the parameters
     * @throws Exception whatever the action throws
     */
    JsonNode invoke(T target, String action, JsonNode arguments, Caller caller) throws Exception;
}
