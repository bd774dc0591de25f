package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.Caller;
import java.util.List;

/**
 * Reads the {@code @Field}s of a live object into JSON trees and writes JSON trees back, without
 * reflection. Reading always builds new nodes, so a tree read once is an independent copy that
 * later changes to the object do not affect.
 *
 * @param <T> the live-object class
 */
public interface StateAccess<T> {

    /** @return the fields, in declaration order; indexes below refer to this list */
    List<FieldDescriptor> fields();

    /**
     * @param target the instance
     * @param field the field's index in {@link #fields()}
     * @return the field's current value as a new JSON tree
     * @throws IllegalStateException if a non-null field holds {@code null}
     */
    JsonNode read(T target, int field);

    /**
     * @param target the instance
     * @param field the field's index in {@link #fields()}
     * @param value the new value
     * @throws JsonDecodeException if {@code value} does not fit the field's type
     */
    void write(T target, int field, JsonNode value);

    /**
     * How the runtime finds what a turn changed in one field, chosen by the processor from the
     * field's declared type.
     */
    enum Tracking {
        /** Read the whole field into JSON after every turn and compare it with the committed tree. */
        DIFF,
        /**
         * A scalar or enum: unchanged when {@link Object#equals} holds (which for these types means
         * the same JSON); read into JSON only when it differs.
         */
        SCALAR,
        /**
         * An immutable value (a record whose parts are all immutable, an {@code Optional} of one):
         * unchanged when it is the same reference; read into JSON only when it is not.
         */
        IMMUTABLE,
        /**
         * A {@code List} or {@code Collection} of immutable elements: replaced, while the instance is
         * active, by a list that records which positions a turn touched.
         */
        LIST,
        /**
         * A {@code Map} with string or enum keys and immutable values: replaced, while the instance is
         * active, by a map that records which keys a turn touched.
         */
        MAP
    }

    /**
     * @param field the field's index in {@link #fields()}
     * @return how its changes are found
     */
    default Tracking tracking(int field) {
        return Tracking.DIFF;
    }

    /**
     * @param target the instance
     * @param field the field's index
     * @return the field's value itself (primitives boxed), not a copy
     */
    default Object get(T target, int field) {
        throw new UnsupportedOperationException("no direct access to field " + field);
    }

    /**
     * Sets a field to a value of its declared type (as returned by {@link #get}, or a collection
     * that wraps one).
     *
     * @param target the instance
     * @param field the field's index
     * @param value the value
     */
    default void set(T target, int field, Object value) {
        throw new UnsupportedOperationException("no direct access to field " + field);
    }

    /**
     * Encodes one element of a {@link Tracking#LIST} field, or one value of a {@link Tracking#MAP}
     * field.
     *
     * @param field the field's index
     * @param item the element or value, possibly {@code null}
     * @return a new JSON tree
     */
    default JsonNode writeItem(int field, Object item) {
        throw new UnsupportedOperationException("field " + field + " is not tracked by element");
    }

    /** @return the names of the {@code @View}s, in declaration order; indexes below refer to this list */
    default List<String> views() {
        return List.of();
    }

    /**
     * Computes one {@code @View} for one viewer.
     *
     * @param target the instance
     * @param view the view's index in {@link #views()}
     * @param viewer who looks
     * @return the view's value as a new JSON tree
     * @throws IllegalStateException if a non-null view returned {@code null}
     */
    default JsonNode view(T target, int view, Caller viewer) {
        throw new IndexOutOfBoundsException("no view " + view);
    }

    /**
     * Reads fields into one JSON object keyed by field name.
     *
     * @param target the instance
     * @param storedOnly whether to leave out fields that are not stored
     * @return a new object
     */
    default ObjectNode snapshot(T target, boolean storedOnly) {
        ObjectNode tree = Json.object();
        List<FieldDescriptor> fields = fields();
        for (int i = 0; i < fields.size(); i++) {
            if (!storedOnly || fields.get(i).stored()) {
                tree.set(fields.get(i).name(), read(target, i));
            }
        }
        return tree;
    }

    /**
     * Writes the fields present in {@code tree}; fields it lacks keep their current values and keys
     * that are not fields are ignored, so stored state survives added and removed fields.
     *
     * @param target the instance
     * @param tree an object keyed by field name
     * @throws JsonDecodeException if a value does not fit its field, naming the field
     */
    default void restore(T target, JsonNode tree) {
        List<FieldDescriptor> fields = fields();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode value = tree.get(fields.get(i).name());
            if (value != null) {
                try {
                    write(target, i, value);
                } catch (JsonDecodeException e) {
                    throw e.at(fields.get(i).name());
                }
            }
        }
    }
}
