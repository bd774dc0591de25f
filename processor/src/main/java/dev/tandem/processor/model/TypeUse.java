package dev.tandem.processor.model;

/**
 * A type where it is used, with whether that place may hold {@code null}.
 *
 * @param type the type
 * @param nullable whether the value may be null (always {@code false} for primitives)
 */
public record TypeUse(TypeRef type, boolean nullable) {
}
