package dev.tandem.spi;

/**
 * One {@code @Field} of a live-object class.
 *
 * @param name the field's name, which is also its key in the state's JSON object
 * @param stored whether the field is written to storage
 * @param nullable whether the field may hold {@code null}
 */
public record FieldDescriptor(String name, boolean stored, boolean nullable) {
}
