package dev.tandem.processor.model;

/**
 * One {@code @Field} of a live-object class.
 *
 * @param name the field's name, also its JSON key
 * @param type its type
 * @param stored whether it is written to storage
 * @param serverOnly whether it is {@code @ServerOnly}: stored, never sent to clients
 * @param doc its javadoc, or an empty string
 */
public record FieldModel(String name, TypeUse type, boolean stored, boolean serverOnly, String doc) {

    /**
     * A field clients see.
     *
     * @param name the field's name
     * @param type its type
     * @param stored whether it is written to storage
     * @param doc its javadoc, or an empty string
     */
    public FieldModel(String name, TypeUse type, boolean stored, String doc) {
        this(name, type, stored, false, doc);
    }
}
