package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs when a user's first connection to the instance opens: when they arrive,
 * not when they open a second tab. {@link OnConnect}, by contrast, runs for every connection.
 *
 * <pre>{@code
 * @Field(stored = false) Map<String, String> online = new TreeMap<>(); // userId -> name
 *
 * @OnJoin
 * void joined(Connection c) {
 *     online.put(c.userId(), c.attribute("name").orElse("guest"));
 * }
 * }</pre>
 *
 * <p>It runs in the same turn as {@code @OnConnect}, right after it, before the client receives its
 * first snapshot (so the snapshot includes what both changed). {@link LiveContext#presence()}
 * already includes the new connection. If {@code @OnConnect} refuses the connection, this does not
 * run; if this throws {@link ActionRejected}, the connection is refused with that message and
 * neither hook's changes are kept.
 *
 * <p>Presence is not stored: after a restart or passivation it starts empty, and this runs again
 * for each user as they reconnect. Keep what it publishes in a {@code @Field(stored = false)}.
 *
 * <p>The method takes a {@link Connection} (the connection that opened) or no parameter, returns
 * {@code void}, and must not be private or static. At most one per class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnJoin {
}
