package dev.tandem.codegen.model;

/**
 * A type where it is used. {@code kind} is one of {@code scalar}, {@code list}, {@code set},
 * {@code map}, {@code optional}, {@code ref}; the other components are set as the kind needs.
 *
 * @param kind the kind
 * @param name the scalar's name, or the referenced type's Java name
 * @param items the element type of a list or set
 * @param keys the key type of a map
 * @param values the value type of a map, or the value of an optional
 * @param nullable whether the place may hold null
 */
public record TypeUse(String kind, String name, TypeUse items, TypeUse keys, TypeUse values, boolean nullable) {
}
