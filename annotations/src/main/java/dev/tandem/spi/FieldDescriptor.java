package dev.tandem.spi;

/**
 * One {@code @Field} of a live-object class.
 *
 * @param name the field's name, which is also its key in the state's JSON object
 * @param stored whether the field is written to storage
 * @param nullable whether the field may hold {@code null}
 * @param serverOnly whether the field is {@code @ServerOnly}: stored but never sent to clients
 */
public record FieldDescriptor(String name, boolean stored, boolean nullable, boolean serverOnly) {

    /**
     * A field clients see.
     *
     * @param name the field's name
     * @param stored whether the field is written to storage
     * @param nullable whether the field may hold {@code null}
     */
    public FieldDescriptor(String name, boolean stored, boolean nullable) {
        this(name, stored, nullable, false);
    }
}
