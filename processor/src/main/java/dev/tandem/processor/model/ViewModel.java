package dev.tandem.processor.model;

/**
 * One {@code @View} method of a live-object class: a per-viewer property of the state.
 *
 * @param name its name in the client's state
 * @param method the Java method's name
 * @param type what it returns
 * @param doc its javadoc, or an empty string
 */
public record ViewModel(String name, String method, TypeUse type, String doc) {
}
