package dev.tandem;

import java.util.Set;

/**
 * The stored fields of one instance, as a {@link Migrate} method sees them: a JSON object keyed by
 * field name, in the shape of the version being migrated from. Values are plain Java: {@code null},
 * {@link String}, {@link Boolean}, {@link Long} or {@link Double} (or {@link java.math.BigDecimal}
 * for numbers too large for them), {@link java.util.List} and {@link java.util.Map} of those. Nested
 * objects (records, classes) are {@code StoredState}s of their own.
 *
 * <pre>{@code
 * @Migrate(from = 1)
 * static void v1(StoredState state) {
 *     long cents = state.getLong("price");                 // was an int of cents
 *     state.putObject("price").put("cents", cents).put("currency", "EUR");
 *     state.rename("title", "name");                       // or @Formerly("title") on the field
 *     state.remove("legacy");
 * }
 * }</pre>
 *
 * Getters fail with an {@link IllegalArgumentException} naming the key and what it holds when the
 * value is not of the asked kind; the instance's activation is then refused and nothing is stored.
 */
public interface StoredState {

    /** @return the keys present, in stored order */
    Set<String> names();

    /**
     * @param name a key
     * @return whether the key is present (even holding null)
     */
    boolean has(String name);

    /**
     * @param name a key
     * @return its value as plain Java (see the class comment), or {@code null} if absent or null
     */
    Object get(String name);

    /**
     * @param name a key
     * @return its string, or {@code null} if absent or null
     * @throws IllegalArgumentException if it holds something else
     */
    String getString(String name);

    /**
     * @param name a key
     * @return its integral number
     * @throws IllegalArgumentException if absent, null, a fraction or not a number
     */
    long getLong(String name);

    /**
     * @param name a key
     * @return its number
     * @throws IllegalArgumentException if absent, null or not a number
     */
    double getDouble(String name);

    /**
     * @param name a key
     * @return its boolean
     * @throws IllegalArgumentException if absent, null or not a boolean
     */
    boolean getBoolean(String name);

    /**
     * @param name a key holding an object (a record or class value)
     * @return a live view of it: changes to it change this state
     * @throws IllegalArgumentException if absent or not an object
     */
    StoredState object(String name);

    /**
     * Sets a key.
     *
     * @param name the key
     * @param value {@code null}, a {@link String}, {@link Number}, {@link Boolean}, enum constant
     *     (stored as its name), {@link java.util.Collection}, {@link java.util.Map} with string keys,
     *     or a {@code StoredState}, nested freely
     * @return this state, for chaining
     * @throws IllegalArgumentException for any other value
     */
    StoredState put(String name, Object value);

    /**
     * Sets a key to a new, empty object.
     *
     * @param name the key
     * @return the new object, to fill
     */
    StoredState putObject(String name);

    /**
     * @param name a key; nothing happens if it is absent
     * @return this state
     */
    StoredState remove(String name);

    /**
     * Moves a value to another key, replacing what the other key held. Nothing happens if
     * {@code from} is absent.
     *
     * @param from the old key
     * @param to the new key
     * @return this state
     */
    StoredState rename(String from, String to);
}
