package dev.tandem.codegen.model;

/**
 * A field of a live object, a property of a value type, or a parameter of an action.
 *
 * @param name its name
 * @param type its type
 * @param stored for fields: whether it is stored (always true otherwise)
 * @param doc its documentation, or an empty string
 */
public record Member(String name, TypeUse type, boolean stored, String doc) {
}
