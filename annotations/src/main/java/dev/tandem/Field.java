package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link LiveObject} as part of its shared state.
 *
 * <p>Every client sees the value of every {@code @Field}: a joining client receives all of them,
 * then each change as a small JSON Patch. Fields are stored in the database unless
 * {@link #stored()} is {@code false}.
 *
 * <pre>{@code
 * @LiveObject
 * public class Whiteboard {
 *     @Field List<Stroke> strokes = new ArrayList<>();                   // stored
 *     @Field(stored = false) Map<String, Cursor> cursors = new HashMap<>(); // live only
 * }
 * }</pre>
 *
 * <p>A field must be package-private, protected or public (not private), and neither
 * {@code final} nor {@code static}: the generated code reads and writes it directly, without
 * reflection. Its type must map to JSON: primitives and their boxes, {@code String}, enums,
 * records, simple classes with a no-argument constructor, {@code List}, {@code Set}, arrays,
 * {@code Map} with {@code String} or enum keys, {@code Optional}, {@code UUID},
 * {@code BigDecimal}, {@code BigInteger} and the {@code java.time} value types.
 *
 * <p><b>Nulls.</b> A field with an initializer is non-null, and the TypeScript client types it
 * that way; a field without one, or annotated with any {@code @Nullable}, may be null. A turn that
 * leaves {@code null} in a non-null field fails and is rolled back.
 *
 * <p><b>Changes.</b> Mutate fields freely inside a turn; the runtime compares them with their last
 * committed values after the turn, so there is nothing to mark dirty. A turn that throws leaves
 * every field as it was.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Field {

    /**
     * Whether the field is written to storage. Use {@code false} for fast-changing, disposable
     * values such as cursor positions: changes are still broadcast, never written, and the field
     * starts from its initial value when the instance is loaded again.
     *
     * @return {@code true} (the default) to store the field
     */
    boolean stored() default true;
}
