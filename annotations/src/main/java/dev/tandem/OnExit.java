package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument method that runs, inside the same turn, when the {@link State} field leaves
 * one of the named states.
 *
 * <pre>{@code
 * @OnExit("PENDING")
 * void stopReminders() { reminders.clear(); }
 * }</pre>
 *
 * <p>Exit hooks run before enter hooks, after the turn's body changed the state and before the
 * turn commits; if one throws, the whole turn rolls back.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnExit {

    /** The state names (enum constant names) that trigger the method. */
    String[] value();
}
