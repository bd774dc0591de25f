package dev.tandem.processor.model;

/**
 * One parameter of an action.
 *
 * @param name the parameter's name
 * @param type its type; {@code null} for the {@code Caller} parameter
 * @param caller whether this is the {@code Caller}, filled in by the runtime
 */
public record ParameterModel(String name, TypeUse type, boolean caller) {
}
