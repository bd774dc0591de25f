package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the states in which an {@link Action} or {@link OnTimer} method may run and the states
 * it may leave the {@link State} field in.
 *
 * <pre>{@code
 * @Action @Transition(from = "PAID", to = {"SHIPPED", "CANCELLED"})   // the body picks one
 * void ship(Caller caller) { status = stock.ok() ? Status.SHIPPED : Status.CANCELLED; }
 *
 * @Action @Transition(from = "*", to = "CANCELLED")                    // any non-terminal state
 * void cancel() { status = Status.CANCELLED; }
 * }</pre>
 *
 * <p>Names are the enum's constant names; {@code "*"} in {@code from} means every state that is
 * not declared terminal. Calling the action in any other state is refused before the body runs
 * with the error {@code invalid_transition}. The body may leave the state unchanged or set it to
 * one of {@code to}; anything else rolls the turn back.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transition {

    /** States in which the method may run; {@code "*"} means every non-terminal state. */
    String[] from();

    /** States the method may leave the state field in (besides leaving it unchanged). */
    String[] to();
}
