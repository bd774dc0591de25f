package dev.tandem.processor.model;

/**
 * One {@code @Field} of a live-object class.
 *
 * @param name the field's name, also its JSON key
 * @param type its type
 * @param stored whether it is written to storage
 * @param doc its javadoc, or an empty string
 */
public record FieldModel(String name, TypeUse type, boolean stored, String doc) {
}
