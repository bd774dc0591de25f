package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a live object: a server-side object that many clients use at the same time.
 *
 * <p>The Tandem runtime hosts one instance of the class per <em>instance ID</em>. The first access
 * to {@code (type, id)} creates the instance from the class's initial field values (and runs its
 * {@link OnCreate} method once); later accesses load it from storage. Every client that connects to
 * the same ID sees the same object.
 *
 * <pre>{@code
 * @LiveObject("counter")
 * public class Counter {
 *     @Field long count;
 *
 *     @Action
 *     long increment(int by) {
 *         if (by < 1) throw new ActionRejected("Increment by at least 1");
 *         count += by;
 *         return count;
 *     }
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>One turn at a time.</b> Actions, hooks and timers of one instance never run
 *       concurrently, so the class needs no locks. Different instances run in parallel. Calls
 *       from one connection run in the order they were sent.</li>
 *   <li><b>Transactional turns.</b> When an action or hook throws, every {@link Field} is restored
 *       to its last committed value, nothing is broadcast and the caller gets the error.</li>
 *   <li><b>Durable before visible.</b> A turn's result and broadcast are released only after its
 *       stored fields are written to the database.</li>
 * </ul>
 *
 * <h2>Requirements</h2>
 * The class must be a top-level or static nested, non-abstract class with a non-private
 * constructor. The constructor may take the application's own beans (resolved by the runtime's
 * bean context) and a {@link LiveContext}. The annotation processor checks every rule at compile
 * time and reports a violation on the offending element.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface LiveObject {

    /**
     * The type name used in URLs and by clients, for example {@code "tic-tac-toe"}. Lowercase
     * letters, digits and dashes, starting with a letter. Defaults to the kebab-case form of the
     * class's simple name ({@code TicTacToe} becomes {@code "tic-tac-toe"}).
     *
     * @return the type name, or an empty string for the default
     */
    String value() default "";

    /**
     * The schema version of the stored state, 1 or more. Bump it when a stored {@link Field} is
     * renamed, removed or changes its type, and say how older state becomes the new shape with
     * {@link Formerly} on renamed fields and a {@link Migrate} method for anything else. An instance
     * stored by an older version is migrated when it is loaded, then stored at this version.
     *
     * <pre>{@code
     * @LiveObject(value = "order", version = 2)
     * public class Order {
     *     @Field @Formerly("title") String name = "";   // stored as "title" by version 1
     *     @Field Money price = new Money(0, "EUR");    // an int of cents in version 1
     *
     *     @Migrate(from = 1)
     *     static void centsToMoney(StoredState state) {
     *         long cents = state.getLong("price");
     *         state.putObject("price").put("cents", cents).put("currency", "EUR");
     *     }
     * }
     * }</pre>
     *
     * With the processor option {@code -Atandem.schemas=<dir>} each version's stored shape is
     * exported to {@code <dir>/<type>/<version>.json}, and a shape changed incompatibly without a
     * version bump fails the build.
     *
     * @return the schema version; 1 by default
     */
    int version() default 1;
}
