package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs as a turn when a client connects to the instance, before the client
 * receives its first snapshot (so the snapshot already includes what the hook changed).
 *
 * <pre>{@code
 * @OnConnect
 * void joined(Connection c) {
 *     if (players.size() < 2 && !players.contains(c.userId())) players.add(c.userId());
 * }
 * }</pre>
 *
 * <p>Its changes are stored and broadcast like those of an action. If it throws
 * {@link ActionRejected}, the connection is refused with that message and nothing changes. The
 * method takes a {@link Connection} or no parameter, returns {@code void}, and must not be private
 * or static. At most one per class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnConnect {
}
