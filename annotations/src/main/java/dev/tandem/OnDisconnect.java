package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs as a turn when a client's connection to the instance ends, for whatever
 * reason: closed by the client, dropped by the network, or closed by the server.
 *
 * <pre>{@code
 * @OnDisconnect
 * void left(Connection c) {
 *     cursors.remove(c.connectionId());
 * }
 * }</pre>
 *
 * <p>Its changes are stored and broadcast like those of an action. The method takes a
 * {@link Connection} or no parameter, returns {@code void}, and must not be private or static. At
 * most one per class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnDisconnect {
}
