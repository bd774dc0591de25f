package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The names a stored {@link Field} had in older schema versions: when an instance stored by an
 * older {@link LiveObject#version()} is loaded, a value stored under a former name moves to the
 * field (after the {@link Migrate} methods ran, and only if the field's own name is not stored).
 *
 * <pre>{@code
 * @LiveObject(value = "order", version = 2)
 * public class Order {
 *     @Field @Formerly("title") String name = "";
 * }
 * }</pre>
 *
 * A rename changes the stored shape, so it needs a version bump like any other incompatible change.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Formerly {

    /** @return the field's former names, oldest first */
    String[] value();
}
