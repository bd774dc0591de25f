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
 *
 * <p><b>From configuration.</b> A placeholder reads the delay from the application's
 * configuration when the server starts, with an optional default:
 *
 * <pre>{@code
 * @OnTimer @Transition(from = "PENDING", to = "CANCELLED") @After("${payment.expiry:PT2M}")
 * void expire() { status = Status.CANCELLED; }
 * }</pre>
 *
 * <p>The whole value is the placeholder: {@code ${key}} or {@code ${key:default}}. The compiler
 * checks the key's form and that the default is a positive ISO-8601 duration. The configured value
 * must be one too ({@code PT30S}, {@code P2D}); the server refuses to start, naming the key, when it
 * is not, or when a placeholder without a default names a key that is not set. In the test kit,
 * {@code LiveObjectTestKit.withProperty("payment.expiry", "PT5S")} sets it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface After {

    /**
     * The delay after entering a {@code from} state, as an ISO-8601 duration such as {@code PT24H}, or a
     * configuration placeholder such as {@code ${payment.expiry:PT2M}}.
     */
    String value();
}
