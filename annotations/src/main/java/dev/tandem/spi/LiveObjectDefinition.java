package dev.tandem.spi;

import dev.tandem.Caller;
import dev.tandem.Connection;
import java.util.List;

/**
 * Everything the runtime needs to host one live-object type, generated at compile time so that no
 * reflection is needed at run time. Implementations are found with {@link java.util.ServiceLoader}.
 *
 * @param <T> the live-object class
 */
public interface LiveObjectDefinition<T> {

    /** @return the type name used in URLs and by clients */
    String typeName();

    /** @return the live-object class */
    Class<T> javaType();

    /** @return reads and writes the {@code @Field}s */
    StateAccess<T> state();

    /** @return calls the {@code @Action}s */
    ActionDispatcher<T> actions();

    /** @return the names of the {@code @OnTimer} methods, sorted */
    List<String> timers();

    /** @return the classpath resource holding this type's model document */
    String modelResource();

    /**
     * Creates an instance, resolving constructor parameters through {@code dependencies}.
     *
     * @param dependencies the application's beans and the instance's context
     * @return a new instance with its initial field values
     * @throws Exception whatever the constructor throws
     */
    T create(Dependencies dependencies) throws Exception;

    /** @return the schema version of the stored state, {@code @LiveObject(version = ...)}; 1 by default */
    default int version() {
        return 1;
    }

    /**
     * Runs the {@code @Migrate(from = from)} method, if the class has one.
     *
     * @param from the version the state is stored at
     * @param state the stored fields, changed in place into the shape of version {@code from + 1}
     * @throws Exception whatever the method throws
     */
    default void migrate(int from, dev.tandem.StoredState state) throws Exception {
    }

    /** @return each {@code @Formerly} field's former names, oldest first; empty when there are none */
    default java.util.Map<String, List<String>> formerNames() {
        return java.util.Map.of();
    }

    /** @return whether the class has an {@code @OnCreate} method */
    default boolean hasOnCreate() {
        return false;
    }

    /** @return whether the class has an {@code @OnConnect} method */
    default boolean hasOnConnect() {
        return false;
    }

    /** @return whether the class has an {@code @OnDisconnect} method */
    default boolean hasOnDisconnect() {
        return false;
    }

    /** @return whether the class has an {@code @OnJoin} method */
    default boolean hasOnJoin() {
        return false;
    }

    /** @return whether the class has an {@code @OnLeave} method */
    default boolean hasOnLeave() {
        return false;
    }

    /**
     * Runs the {@code @OnCreate} method, if any.
     *
     * @param target the instance
     * @throws Exception whatever the method throws
     */
    default void onCreate(T target) throws Exception {
    }

    /**
     * Runs the {@code @OnConnect} method, if any.
     *
     * @param target the instance
     * @param connection the connection that opened
     * @throws Exception whatever the method throws
     */
    default void onConnect(T target, Connection connection) throws Exception {
    }

    /**
     * Runs the {@code @OnDisconnect} method, if any.
     *
     * @param target the instance
     * @param connection the connection that closed
     * @throws Exception whatever the method throws
     */
    default void onDisconnect(T target, Connection connection) throws Exception {
    }

    /**
     * Runs the {@code @OnJoin} method, if any.
     *
     * @param target the instance
     * @param connection the user's first connection, the one that opened
     * @throws Exception whatever the method throws
     */
    default void onJoin(T target, Connection connection) throws Exception {
    }

    /**
     * Runs the {@code @OnLeave} method, if any.
     *
     * @param target the instance
     * @param connection the user's last connection, the one that closed
     * @throws Exception whatever the method throws
     */
    default void onLeave(T target, Connection connection) throws Exception {
    }

    /**
     * Runs the {@code @OnTimer} method called {@code timer}.
     *
     * @param target the instance
     * @param timer the timer's name, one of {@link #timers()}
     * @throws Exception whatever the method throws
     * @throws IllegalArgumentException if there is no such timer
     */
    default void onTimer(T target, String timer) throws Exception {
        throw new IllegalArgumentException(typeName() + " has no @OnTimer method named '" + timer + "'");
    }

    /** @return the checked state machine when the class has a {@code @State} field, else {@code null} */
    default StateMachine<T> machine() {
        return null;
    }

    // ---- who may do what; see @AllowRead, @AllowWrite ----

    /**
     * @return the values of a class-level {@code @Secured} (they guard reads, and every action
     *     without its own {@code @Secured}); empty when there is none
     */
    default List<String> secured() {
        return List.of();
    }

    /** @return whether the class has an {@code @AllowRead} method */
    default boolean hasAllowRead() {
        return false;
    }

    /**
     * Runs the {@code @AllowRead} method, if any.
     *
     * @param target the instance
     * @param caller who wants to read
     * @return whether the caller may read; {@code true} without the method
     * @throws Exception whatever the method throws
     */
    default boolean allowRead(T target, Caller caller) throws Exception {
        return true;
    }

    /**
     * @param action an action's name
     * @return whether an {@code @AllowWrite} method covers that action
     */
    default boolean hasAllowWrite(String action) {
        return false;
    }

    /**
     * Runs the {@code @AllowWrite} method that covers {@code action}, if any.
     *
     * @param target the instance
     * @param caller who calls
     * @param action the action's name
     * @return whether the caller may call it; {@code true} when no method covers it
     * @throws Exception whatever the method throws
     */
    default boolean allowWrite(T target, Caller caller, String action) throws Exception {
        return true;
    }
}
