package dev.tandem.spi;

/**
 * One client-supplied parameter of an action.
 *
 * @param name the parameter's name in the Java source
 * @param type what the client must send, for error messages (for example {@code "int"} or
 *     {@code "List<String>"})
 */
public record ParameterDescriptor(String name, String type) {
}
