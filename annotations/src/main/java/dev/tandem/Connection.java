package dev.tandem;

/**
 * A client's connection to one live-object instance, as seen by {@link OnConnect} and
 * {@link OnDisconnect} hooks. It carries the same identity as a {@link Caller}.
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
