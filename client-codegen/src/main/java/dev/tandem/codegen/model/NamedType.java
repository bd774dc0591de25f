package dev.tandem.codegen.model;

import java.util.List;

/**
 * A record, class or enum of the application.
 *
 * @param javaName its canonical Java name, which identifies it across models
 * @param name its name within its model document
 * @param kind {@code record}, {@code class} or {@code enum}
 * @param properties for records and classes, in order
 * @param values for enums, the constants in order
 * @param doc its documentation, or an empty string
 */
public record NamedType(String javaName, String name, String kind, List<Member> properties, List<String> values,
        String doc) {

    /** Copies the lists. */
    public NamedType {
        properties = List.copyOf(properties);
        values = List.copyOf(values);
    }

    /** @return whether it is an enum */
    public boolean isEnum() {
        return kind.equals("enum");
    }
}
