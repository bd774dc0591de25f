package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument method that runs, inside the same turn, when the {@link State} field enters
 * one of the named states.
 *
 * <pre>{@code
 * @OnEnter("PAID")
 * void notifyWarehouse() { log.add("paid at " + context.now()); }
 * }</pre>
 *
 * <p>It runs after the turn's body (action or timer) changed the state, before the turn commits;
 * if it throws, the whole turn rolls back. It does not run when the state is unchanged. The
 * state's timed transitions ({@link After}) are scheduled before it runs, so it can publish their
 * deadline: {@code expiresAt = context.dueAt("expire").orElse(null);}
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnEnter {

    /** The state names (enum constant names) that trigger the method. */
    String[] value();
}
