package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs when a user's last connection to the instance ends: when they are gone,
 * not when they close one of two tabs. {@link OnDisconnect}, by contrast, runs for every connection.
 * A connection ends however it ends: closed by the client, dropped by the network (noticed when the
 * socket closes or the heartbeat times out), or closed by the server.
 *
 * <pre>{@code
 * @OnLeave
 * void left(Connection c) {
 *     online.remove(c.userId());
 * }
 * }</pre>
 *
 * <p>It runs right after {@code @OnDisconnect} of that connection, as its own turn with nothing in
 * between, so one failing does not undo the other. {@link LiveContext#presence()} no longer
 * includes the closed connection, nor the user. A leave cannot be refused: an exception is logged
 * and the turn's changes are dropped.
 *
 * <p>The method takes a {@link Connection} (the user's last connection, the one that closed) or no
 * parameter, returns {@code void}, and must not be private or static. At most one per class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnLeave {
}
