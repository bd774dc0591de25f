package dev.tandem.processor.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who may do what with one {@code @LiveObject} class: its {@code @AllowRead} and {@code @AllowWrite}
 * methods and the values of Micronaut Security's {@code @Secured}.
 *
 * @param allowRead the {@code @AllowRead} method's name, or {@code null}
 * @param generalWrite the {@code @AllowWrite} method without a value (covers every action), or {@code null}
 * @param perActionWrite the {@code @AllowWrite} methods with a value, by the actions they name, sorted
 * @param classSecured the class's {@code @Secured} values, or empty
 * @param actionSecured each action's effective {@code @Secured} values (its own, else the class's), sorted
 */
public record AccessModel(String allowRead, WriteRule generalWrite, Map<String, WriteRule> perActionWrite,
        List<String> classSecured, Map<String, List<String>> actionSecured) {

    /** A class with no access rules. */
    public static final AccessModel NONE = new AccessModel(null, null, Map.of(), List.of(), Map.of());

    /** Copies the collections, sorting the maps. */
    public AccessModel {
        perActionWrite = java.util.Collections.unmodifiableMap(new TreeMap<>(perActionWrite));
        classSecured = List.copyOf(classSecured);
        actionSecured = java.util.Collections.unmodifiableMap(new TreeMap<>(actionSecured));
    }

    /**
     * One {@code @AllowWrite} method.
     *
     * @param method its name
     * @param takesAction whether it takes the action's name after the {@code Caller}
     */
    public record WriteRule(String method, boolean takesAction) {
    }
}
