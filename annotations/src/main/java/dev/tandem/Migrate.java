package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns stored state of schema version {@link #from()} into the shape of version {@code from + 1}.
 * The method is {@code static}, takes one {@link StoredState} and returns {@code void}. When an
 * instance stored by an older version is loaded, the migrations run in order (a version 1 instance
 * loading in version 3 runs {@code from = 1}, then {@code from = 2}), then the {@link Formerly}
 * renames; the result is stored at the current version before the instance serves anything. A
 * migration that throws refuses the instance's activation and leaves its stored row unchanged.
 *
 * <pre>{@code
 * @Migrate(from = 1)
 * static void statusFromText(StoredState state) {
 *     state.put("status", state.getString("status").toUpperCase(Locale.ROOT));
 * }
 * }</pre>
 *
 * A migration sees the names the fields were stored under in version {@code from}, not the current
 * ones, so it keeps working when fields are renamed later.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Migrate {

    /** @return the stored version this method migrates from; 1 or more and below the class's version */
    int from();
}
