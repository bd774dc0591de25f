package dev.tandem.processor.model;

/**
 * One property of a record or plain value class.
 *
 * @param name the JSON key: the component's or field's name
 * @param type its type
 * @param getter the accessor method, or {@code null} to read the field directly
 * @param setter the setter method, or {@code null} to write the field directly (records use the
 *     canonical constructor instead)
 * @param doc its javadoc, or an empty string
 */
public record PropertyModel(String name, TypeUse type, String getter, String setter, String doc) {
}
