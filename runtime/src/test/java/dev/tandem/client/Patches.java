package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Opens the Java client's patch applier to the runtime's tests (which live in other packages). */
public final class Patches {

    private Patches() {
    }

    public static ObjectNode apply(ObjectNode state, JsonNode ops) {
        return JsonPatches.apply(state, ops);
    }
}
