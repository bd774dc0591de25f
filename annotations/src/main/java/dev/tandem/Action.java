package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link LiveObject} that clients may call.
 *
 * <pre>{@code
 * @Action
 * void play(Caller caller, int cell) {
 *     if (!caller.userId().equals(turn)) throw new ActionRejected("Not your turn");
 *     board.set(cell, mark(caller));
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>One turn at a time.</b> An action runs as a turn: no other action, hook or timer of the
 *       same instance runs while it does, so it may read and change fields without locks.</li>
 *   <li><b>In order.</b> Calls from one connection run in the order they were sent.</li>
 *   <li><b>All or nothing.</b> If the action throws, every {@link Field} is restored to its last
 *       committed value and nothing is broadcast. An {@link ActionRejected} reaches the client with
 *       its message; any other exception reaches it as a generic internal error, with the details
 *       only in the server log.</li>
 *   <li><b>Durable, then visible.</b> The caller's promise resolves after the turn's changes are
 *       stored and its own copy of the state already includes them.</li>
 * </ul>
 *
 * <h2>Signature</h2>
 * The method must not be private, static or overloaded (clients call it by name). Parameters may be
 * any type a {@link Field} may have; a parameter of type {@link Caller} is not sent by the client
 * but filled in by the runtime with the identity of the connection. The return type may be
 * {@code void} or any type a {@code Field} may have; the value is sent to the caller only.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Action {
}
