package dev.tandem;

/**
 * A client's connection to one live-object instance, as seen by {@link OnConnect},
 * {@link OnDisconnect}, {@link OnJoin} and {@link OnLeave} hooks and listed by {@link Presence}. It
 * carries the same identity as a {@link Caller}. Two tabs of one user are two connections with the
 * same {@link #userId()} and different {@link #connectionId()}s.
 *
 * <pre>{@code
 * @OnConnect
 * void joined(Connection c) {
 *     online.put(c.connectionId(), c.attribute("name").orElse("guest"));
 * }
 * }</pre>
 */
public interface Connection extends Caller {
}
