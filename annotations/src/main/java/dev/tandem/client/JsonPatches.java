package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies JSON Patches (RFC 6902: add, remove, replace) without modifying the input: containers on
 * the path of a change are copied, everything else is shared, so a tree once handed out never
 * changes.
 */
final class JsonPatches {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonPatches() {
    }

    static ObjectNode apply(ObjectNode root, JsonNode ops) {
        JsonNode result = root;
        for (JsonNode op : ops) {
            result = applyOne(result, op);
        }
        return (ObjectNode) result;
    }

    private static JsonNode applyOne(JsonNode root, JsonNode op) {
        String pointer = op.get("path").asText();
        if (pointer.isEmpty()) {
            return op.get("value");
        }
        String[] path = pointer.substring(1).split("/", -1);
        for (int i = 0; i < path.length; i++) {
            path[i] = path[i].replace("~1", "/").replace("~0", "~");
        }
        return update(root, path, 0, op);
    }

    private static JsonNode update(JsonNode node, String[] path, int i, JsonNode op) {
        String key = path[i];
        String kind = op.get("op").asText();
        if (node instanceof ArrayNode array) {
            ArrayNode copy = NODES.arrayNode(array.size() + 1);
            copy.addAll(array);
            int index = key.equals("-") ? copy.size() : Integer.parseInt(key);
            if (i < path.length - 1) {
                copy.set(index, update(array.get(index), path, i + 1, op));
            } else if (kind.equals("add")) {
                copy.insert(index, op.get("value"));
            } else if (kind.equals("remove")) {
                copy.remove(index);
            } else {
                copy.set(index, op.get("value"));
            }
            return copy;
        }
        ObjectNode copy = NODES.objectNode();
        copy.setAll((ObjectNode) node);
        if (i < path.length - 1) {
            copy.set(key, update(node.get(key), path, i + 1, op));
        } else if (kind.equals("remove")) {
            copy.remove(key);
        } else {
            copy.set(key, op.get("value"));
        }
        return copy;
    }
}
