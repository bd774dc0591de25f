package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs once, as the first turn of an instance, when an instance ID is used for
 * the first time. It does not run again when the instance is later loaded from storage.
 *
 * <pre>{@code
 * @OnCreate
 * void setUp() {
 *     deadline = context.now().plus(Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Like every turn it runs alone and is all or nothing. The method takes no parameters, returns
 * {@code void}, and must not be private or static. At most one per class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnCreate {
}
