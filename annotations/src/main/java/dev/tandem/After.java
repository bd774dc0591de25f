package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an {@link OnTimer} method with a {@link Transition} a <b>timed transition</b>: a durable
 * timer is scheduled when the {@link State} field enters one of the transition's {@code from}
 * states and cancelled when it leaves them.
 *
 * <pre>{@code
 * @OnTimer @Transition(from = "PENDING", to = "CANCELLED") @After("PT24H")
 * void expire() { status = Status.CANCELLED; }
 * }</pre>
 *
 * <p>The value is an ISO-8601 duration ({@link java.time.Duration#parse}), checked at compile
 * time. Like every timer it survives restarts and passivation: one that fell due while the server
 * was down fires when the instance is next loaded.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface After {

    /** The delay after entering a {@code from} state, as an ISO-8601 duration such as {@code PT24H}. */
    String value();
}
