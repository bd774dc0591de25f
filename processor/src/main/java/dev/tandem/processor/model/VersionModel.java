package dev.tandem.processor.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The schema version of a live object's stored state and how older versions migrate to it.
 *
 * @param version {@code @LiveObject(version)}, 1 or more
 * @param migrations the {@code @Migrate} methods by the version they migrate from
 * @param formerNames each {@code @Formerly} field's former names, oldest first, by field name
 */
public record VersionModel(int version, SortedMap<Integer, String> migrations, Map<String, List<String>> formerNames) {

    /** Copies the collections. */
    public VersionModel {
        migrations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(migrations));
        formerNames = java.util.Collections.unmodifiableMap(new TreeMap<>(formerNames));
    }
}
