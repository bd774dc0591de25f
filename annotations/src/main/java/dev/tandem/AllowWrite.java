package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that decides who may call the {@link Action}s of a {@link LiveObject}, before the
 * action's body runs.
 *
 * <pre>{@code
 * // every action: only seated players
 * @AllowWrite
 * boolean players(Caller caller, String action) {
 *     return players.contains(caller.userId());
 * }
 *
 * // these actions only: the owner, whatever the rule for the others says
 * @AllowWrite({"approve", "refund"})
 * boolean owner(Caller caller) {
 *     return caller.userId().equals(owner);
 * }
 * }</pre>
 *
 * <p>Without a value it is the <b>general</b> rule and covers every action; with a value it is a
 * <b>per-action</b> rule and covers exactly the actions named (the processor checks that they
 * exist). An action named by a per-action rule is decided by that rule alone, as a method-level
 * {@code @Secured} replaces a class-level one. A class has at most one general rule, and each
 * action is named by at most one per-action rule.
 *
 * <p>When the rule returns {@code false} the call is answered with an error of code
 * {@code forbidden} (an error frame for that call over WebSocket, status 403 over HTTP) and nothing
 * changes: the body does not run, no revision is made, nothing is stored. The refusal is the call's
 * answer for at-most-once delivery: resending the same call ID gets the same refusal. If the rule
 * throws {@link ActionRejected}, the refusal carries that exception's message. Micronaut Security's
 * {@code @Secured} on the action (or the class) is checked first.
 *
 * <p>It runs inside the instance's turn, so it may read fields; it must not change them. Timers and
 * lifecycle hooks are not actions and are not checked, nor are calls the server makes as
 * {@code LiveObjects.system(...)}.
 *
 * <p>The method returns {@code boolean} and takes a {@link Caller}, optionally followed by a
 * {@code String}, the action's name; it must not be private or static. Without a rule for an
 * action, every client may call it, unless the server runs with
 * {@code tandem.security.deny-by-default: true}, which refuses actions that have neither an
 * {@code @AllowWrite} rule nor a {@code @Secured}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AllowWrite {

    /**
     * @return the names of the actions this rule covers; empty (the default) for every action
     */
    String[] value() default {};
}
