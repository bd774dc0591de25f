package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The JSON encoding of Tandem state, used by generated codecs: one reader and one writer per
 * supported scalar type (see {@link Scalars} and {@link Times}) and the generic ones for
 * collections, maps, arrays and {@code Optional}.
 *
 * <p>Conventions: readers of reference types turn JSON null, and a missing value (Java
 * {@code null}), into {@code null}; readers of primitives turn a missing value into the type's
 * default and reject JSON null; writers of reference types write {@code null} as JSON null. Numbers
 * must be JSON numbers (no strings), integral types reject fractions and out-of-range values.
 */
public final class Json {

    /** The node factory all generated code uses. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /**
     * Decodes one JSON value.
     *
     * @param <T> the Java type
     */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * @param node the value; never {@code null} or JSON null when called by the generic helpers
         * @return the decoded value
         * @throws JsonDecodeException if the value does not fit
         */
        T read(JsonNode node);
    }

    /**
     * Encodes one Java value.
     *
     * @param <T> the Java type
     */
    @FunctionalInterface
    public interface Writer<T> {
        /**
         * @param value the value; never {@code null} when called by the generic helpers
         * @return a new JSON tree
         */
        JsonNode write(T value);
    }

    /** @return a new, empty JSON object */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** @return a new, empty JSON array */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * Ignores a result, for actions that return nothing.
     *
     * @param result the encoded result
     * @return {@code null}
     */
    public static Void discard(JsonNode result) {
        return null;
    }

    /** @return JSON null */
    public static JsonNode nullNode() {
        return NullNode.getInstance();
    }

    /**
     * Whether a value is absent: missing (Java {@code null}), JSON null or a missing node.
     *
     * @param node the value
     * @return {@code true} if absent
     */
    public static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /**
     * Describes a value for an error message: short, with its JSON kind.
     *
     * @param node the value, possibly {@code null}
     * @return for example {@code "four" (a string)} or {@code an array of 3}
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            return TextNode.valueOf(shown) + " (a string)";
        }
        if (node.isNumber()) {
            return node.asText() + " (a number)";
        }
        if (node.isBoolean()) {
            return node.asText() + " (a boolean)";
        }
        if (node.isArray()) {
            return "an array of " + node.size();
        }
        if (node.isObject()) {
            return "an object";
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Fails a turn that left {@code null} in a field declared non-null.
     *
     * @param value the field's value
     * @param field {@code Class.field}, for the message
     * @param <T> the field's type
     * @return {@code value}
     * @throws IllegalStateException if {@code value} is null
     */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new IllegalStateException(field + " is null, but it is declared non-null (it has an initializer)."
                    + " Assign it a value, or annotate the field @Nullable to allow null.");
        }
        return value;
    }

    /**
     * Fails a {@code @View} that returned {@code null} although its type is non-null.
     *
     * @param value what the method returned
     * @param method {@code Class.method(Caller)}, for the message
     * @param <T> the return type
     * @return {@code value}
     * @throws IllegalStateException if {@code value} is null
     */
    public static <T> T requireNonNullView(T value, String method) {
        if (value == null) {
            throw new IllegalStateException(method + " returned null, but a view is non-null unless annotated @Nullable."
                    + " Return a value, or annotate the method @Nullable.");
        }
        return value;
    }

    /**
     * Reads one property of a JSON object, naming the property if it does not fit.
     *
     * @param object a JSON object
     * @param name the property
     * @param reader its decoder; receives Java {@code null} when the property is missing
     * @param <T> the property's type
     * @return the decoded value
     */
    public static <T> T property(JsonNode object, String name, Reader<T> reader) {
        try {
            return reader.read(object.get(name));
        } catch (JsonDecodeException e) {
            throw e.at(name);
        }
    }

    /**
     * Checks that a value is a JSON object.
     *
     * @param node the value, not absent
     * @param type the Java type, for the message
     * @throws JsonDecodeException if it is not an object
     */
    public static void requireObject(JsonNode node, String type) {
        if (!node.isObject()) {
            throw new JsonDecodeException("an object (" + type + ")", node);
        }
    }

    /**
     * Reads a nullable value with a reader that handles only non-null ones (boxed primitives).
     *
     * @param node the value
     * @param reader the decoder for non-null values
     * @param <T> the type
     * @return the value, or {@code null}
     */
    public static <T> T readNullable(JsonNode node, Reader<T> reader) {
        return isAbsent(node) ? null : reader.read(node);
    }

    /**
     * Writes a nullable value with a writer that handles only non-null ones (boxed primitives).
     *
     * @param value the value
     * @param writer the encoder for non-null values
     * @param <T> the type
     * @return the encoded value, or JSON null
     */
    public static <T> JsonNode writeNullable(T value, Writer<T> writer) {
        return value == null ? nullNode() : writer.write(value);
    }

    /**
     * Reads a JSON array into a collection.
     *
     * @param node the value
     * @param element decoder of the elements
     * @param factory creates the collection for a given size
     * @param <E> the element type
     * @param <C> the collection type
     * @return the collection, or {@code null} for an absent value
     */
    public static <E, C extends Collection<E>> C readCollection(JsonNode node, Reader<E> element, IntFunction<C> factory) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw new JsonDecodeException("an array", node);
        }
        C result = factory.apply(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            try {
                result.add(isAbsent(e) ? null : element.read(e));
            } catch (JsonDecodeException ex) {
                throw ex.at(i);
            }
        }
        return result;
    }

    /**
     * Writes a collection as a JSON array.
     *
     * @param value the collection, possibly {@code null}
     * @param element encoder of the elements
     * @param <E> the element type
     * @return the array, or JSON null
     */
    public static <E> JsonNode writeCollection(Collection<E> value, Writer<E> element) {
        if (value == null) {
            return nullNode();
        }
        ArrayNode array = NODES.arrayNode(value.size());
        for (E e : value) {
            array.add(e == null ? nullNode() : element.write(e));
        }
        return array;
    }

    /**
     * Reads a JSON array into an object array.
     *
     * @param node the value
     * @param element decoder of the elements
     * @param factory creates the array, for example {@code String[]::new}
     * @param <E> the element type
     * @return the array, or {@code null} for an absent value
     */
    public static <E> E[] readArray(JsonNode node, Reader<E> element, IntFunction<E[]> factory) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw new JsonDecodeException("an array", node);
        }
        E[] result = factory.apply(node.size());
        for (int i = 0; i < result.length; i++) {
            JsonNode e = node.get(i);
            try {
                result[i] = isAbsent(e) ? null : element.read(e);
            } catch (JsonDecodeException ex) {
                throw ex.at(i);
            }
        }
        return result;
    }

    /**
     * Writes an object array as a JSON array.
     *
     * @param value the array, possibly {@code null}
     * @param element encoder of the elements
     * @param <E> the element type
     * @return the JSON array, or JSON null
     */
    public static <E> JsonNode writeArray(E[] value, Writer<E> element) {
        if (value == null) {
            return nullNode();
        }
        ArrayNode array = NODES.arrayNode(value.length);
        for (E e : value) {
            array.add(e == null ? nullNode() : element.write(e));
        }
        return array;
    }

    /**
     * Reads a JSON object into a map.
     *
     * @param node the value
     * @param key decoder of the keys
     * @param value decoder of the values
     * @param factory creates the map
     * @param <K> the key type
     * @param <V> the value type
     * @param <M> the map type
     * @return the map, or {@code null} for an absent value
     */
    public static <K, V, M extends Map<K, V>> M readMap(JsonNode node, Function<String, K> key, Reader<V> value,
            Supplier<M> factory) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw new JsonDecodeException("an object", node);
        }
        M result = factory.get();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                result.put(key.apply(entry.getKey()), isAbsent(entry.getValue()) ? null : value.read(entry.getValue()));
            } catch (JsonDecodeException ex) {
                throw ex.at(entry.getKey());
            }
        }
        return result;
    }

    /**
     * Writes a map as a JSON object.
     *
     * @param value the map, possibly {@code null}
     * @param key encoder of the keys (a {@code null} key is not allowed)
     * @param element encoder of the values
     * @param <K> the key type
     * @param <V> the value type
     * @return the object, or JSON null
     */
    public static <K, V> JsonNode writeMap(Map<K, V> value, Function<K, String> key, Writer<V> element) {
        if (value == null) {
            return nullNode();
        }
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<K, V> e : value.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalStateException("a map holds a null key, which JSON cannot represent; remove it");
            }
            object.set(key.apply(e.getKey()), e.getValue() == null ? nullNode() : element.write(e.getValue()));
        }
        return object;
    }

    /**
     * Reads a value into an {@code Optional}: absent values become {@link Optional#empty()}.
     *
     * @param node the value
     * @param reader decoder of present values
     * @param <T> the value type
     * @return the optional, never {@code null}
     */
    public static <T> Optional<T> readOptional(JsonNode node, Reader<T> reader) {
        return isAbsent(node) ? Optional.empty() : Optional.ofNullable(reader.read(node));
    }

    /**
     * Writes an {@code Optional}: empty (or a null reference) becomes JSON null.
     *
     * @param value the optional
     * @param writer encoder of present values
     * @param <T> the value type
     * @return the value, or JSON null
     */
    public static <T> JsonNode writeOptional(Optional<T> value, Writer<T> writer) {
        return value == null || value.isEmpty() ? nullNode() : writer.write(value.get());
    }

    /**
     * Writes an enum constant as its name.
     *
     * @param value the constant, possibly {@code null}
     * @return a JSON string, or JSON null
     */
    public static JsonNode writeEnum(Enum<?> value) {
        return value == null ? nullNode() : TextNode.valueOf(value.name());
    }
}
