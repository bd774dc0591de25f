package dev.tandem.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The map types a field may declare, each with the concrete class decoding creates. Every one
 * becomes a JSON object, so keys must be strings or enums.
 */
public enum MapKind {
    MAP("Map", "LinkedHashMap"),
    HASH_MAP("HashMap", "HashMap"),
    LINKED_HASH_MAP("LinkedHashMap", "LinkedHashMap"),
    SORTED_MAP("SortedMap", "TreeMap"),
    NAVIGABLE_MAP("NavigableMap", "TreeMap"),
    TREE_MAP("TreeMap", "TreeMap"),
    ENUM_MAP("EnumMap", "EnumMap");

    private final ClassName declared;
    private final ClassName concrete;

    MapKind(String name, String concreteName) {
        this.declared = ClassName.get("java.util", name);
        this.concrete = ClassName.get("java.util", concreteName);
    }

    /** @return the declared type, for example {@code java.util.Map} */
    public ClassName declared() {
        return declared;
    }

    /** @return the class decoding instantiates */
    public ClassName concrete() {
        return concrete;
    }

    /**
     * @param qualifiedName a type's qualified name
     * @return the kind declared by that type, or {@code null}
     */
    public static MapKind of(String qualifiedName) {
        for (MapKind k : values()) {
            if (k.declared.canonicalName().equals(qualifiedName)) {
                return k;
            }
        }
        return null;
    }
}
