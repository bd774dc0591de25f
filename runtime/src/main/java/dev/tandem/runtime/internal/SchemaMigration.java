package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.spi.JsonStoredState;
import dev.tandem.spi.LiveObjectDefinition;
import java.util.List;
import java.util.Map;

/**
 * Brings state stored by an older schema version ({@code @LiveObject(version)}) to the class's
 * version while an instance is loaded: the {@code @Migrate} methods in order, then the
 * {@code @Formerly} renames. State stored by a newer version is refused. Internal API (used by the
 * test kit too).
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /**
     * @param key the instance, for messages
     * @param definition its type
     * @param storedVersion the version its state is stored at
     * @param state its stored fields (after log replay), left unchanged
     * @return the migrated fields, a new object; or {@code null} if the state is at the class's version
     * @throws IllegalStateException if the stored version is newer, or a migration failed
     */
    public static ObjectNode migrate(InstanceKey key, LiveObjectDefinition<?> definition, int storedVersion,
            com.fasterxml.jackson.databind.JsonNode state) {
        int target = definition.version();
        if (storedVersion == target) {
            return null;
        }
        String javaClass = definition.javaType().getName();
        if (storedVersion > target) {
            throw new IllegalStateException(key + " is stored at schema version " + storedVersion + ", but " + javaClass
                    + " is at version " + target + " (@LiveObject(version)): it was stored by newer code, and Tandem"
                    + " does not migrate state back. Run code at version " + storedVersion + " or later");
        }
        if (!(state instanceof ObjectNode object)) {
            throw new IllegalStateException(key + "'s stored state is not a JSON object");
        }
        ObjectNode migrated = object.deepCopy();
        JsonStoredState stored = new JsonStoredState(migrated);
        for (int from = storedVersion; from < target; from++) {
            try {
                definition.migrate(from, stored);
            } catch (Exception | LinkageError e) {
                throw new IllegalStateException("Migrating " + key + " from schema version " + from + " to " + (from + 1)
                        + " (" + javaClass + "'s @Migrate(from = " + from + ")) failed: " + e
                        + ". It stays stored at version " + storedVersion + ", unchanged, and is not loaded until the"
                        + " migration is fixed", e);
            }
        }
        for (Map.Entry<String, List<String>> e : definition.formerNames().entrySet()) {
            List<String> former = e.getValue();
            for (int i = former.size() - 1; i >= 0; i--) { // the newest former name wins
                if (!migrated.has(e.getKey()) && migrated.has(former.get(i))) {
                    migrated.set(e.getKey(), migrated.get(former.get(i)));
                }
                migrated.remove(former.get(i));
            }
        }
        return migrated;
    }
}
