package dev.tandem.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The collection types a field may declare, each with the concrete class decoding creates. Every
 * one becomes a JSON array.
 */
public enum CollectionKind {
    COLLECTION("java.util", "Collection", "java.util", "ArrayList", false, true),
    LIST("java.util", "List", "java.util", "ArrayList", false, true),
    ARRAY_LIST("java.util", "ArrayList", "java.util", "ArrayList", false, true),
    LINKED_LIST("java.util", "LinkedList", "java.util", "LinkedList", false, false),
    SET("java.util", "Set", "java.util", "LinkedHashSet", true, true),
    HASH_SET("java.util", "HashSet", "java.util", "HashSet", true, true),
    LINKED_HASH_SET("java.util", "LinkedHashSet", "java.util", "LinkedHashSet", true, true),
    SORTED_SET("java.util", "SortedSet", "java.util", "TreeSet", true, false),
    NAVIGABLE_SET("java.util", "NavigableSet", "java.util", "TreeSet", true, false),
    TREE_SET("java.util", "TreeSet", "java.util", "TreeSet", true, false);

    private final ClassName declared;
    private final ClassName concrete;
    private final boolean set;
    private final boolean sized;

    CollectionKind(String pkg, String name, String concretePkg, String concreteName, boolean set, boolean sized) {
        this.declared = ClassName.get(pkg, name);
        this.concrete = ClassName.get(concretePkg, concreteName);
        this.set = set;
        this.sized = sized;
    }

    /** @return the declared type, for example {@code java.util.List} */
    public ClassName declared() {
        return declared;
    }

    /** @return the class decoding instantiates */
    public ClassName concrete() {
        return concrete;
    }

    /** @return whether this is a set (a JSON array of distinct values) */
    public boolean isSet() {
        return set;
    }

    /** @return whether the concrete class has a constructor taking an initial capacity */
    public boolean sized() {
        return sized;
    }

    /**
     * @param qualifiedName a type's qualified name
     * @return the kind declared by that type, or {@code null}
     */
    public static CollectionKind of(String qualifiedName) {
        for (CollectionKind k : values()) {
            if (k.declared.canonicalName().equals(qualifiedName)) {
                return k;
            }
        }
        return null;
    }
}
