/**
 * The Tandem runtime: hosts live objects in a Micronaut server.
 *
 * <p><b>Guarantees.</b> One instance per {@code (type, id)}, activated on first access. Actions,
 * hooks and timers of one instance run one turn at a time, never concurrently; different instances
 * run in parallel on a small shared pool. Calls from one connection run in the order sent. A turn
 * that throws changes nothing. A turn's result and broadcast are released only after its state is
 * stored; clients get a snapshot, then every change as a JSON Patch in revision order.
 *
 * <p>Application code uses {@link dev.tandem.runtime.LiveObjects} to call live objects from the
 * server side; everything is configured under {@code tandem.*}
 * ({@link dev.tandem.runtime.TandemConfiguration}). The wire protocol is in {@code docs/PROTOCOL.md}.
 */
package dev.tandem.runtime;
