package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies JSON Patches (RFC 6902: add, remove, replace) without modifying the input: containers on
 * the path of a change are copied, everything else is shared, so a tree once handed out never
 * changes. A patch that does not apply (a missing member, an index out of range, an unknown op)
 * throws {@link IllegalArgumentException}, and the client resyncs instead of guessing; the cases it
 * must agree on with the server and the TypeScript client are in {@code docs/conformance/patches.json}.
 */
final class JsonPatches {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonPatches() {
    }

    /**
     * @return {@code root} with {@code ops} applied
     * @throws IllegalArgumentException if an operation does not apply
     */
    static ObjectNode apply(ObjectNode root, JsonNode ops) {
        if (ops == null || !ops.isArray()) {
            throw new IllegalArgumentException("a patch is a JSON array of operations, not " + ops);
        }
        JsonNode result = root;
        for (JsonNode op : ops) {
            result = applyOne(result, op);
        }
        return (ObjectNode) result;
    }

    private static JsonNode applyOne(JsonNode root, JsonNode op) {
        String kind = op.path("op").asText();
        if (!kind.equals("add") && !kind.equals("remove") && !kind.equals("replace")) {
            throw bad(op, "the op is not add, remove or replace");
        }
        if (!kind.equals("remove") && !op.has("value")) {
            throw bad(op, "it has no value");
        }
        String pointer = op.path("path").asText(null);
        if (pointer == null || !pointer.isEmpty() && !pointer.startsWith("/")) {
            throw bad(op, "the path is not a JSON Pointer");
        }
        if (pointer.isEmpty()) {
            if (kind.equals("remove") || !op.get("value").isObject()) {
                throw bad(op, "the state must stay an object");
            }
            return op.get("value");
        }
        String[] path = pointer.substring(1).split("/", -1);
        for (int i = 0; i < path.length; i++) {
            path[i] = path[i].replace("~1", "/").replace("~0", "~");
        }
        return update(root, path, 0, op, kind);
    }

    private static JsonNode update(JsonNode node, String[] path, int i, JsonNode op, String kind) {
        String key = path[i];
        boolean last = i == path.length - 1;
        if (node instanceof ArrayNode array) {
            int index = index(key, array.size(), last && kind.equals("add"), op);
            ArrayNode copy = NODES.arrayNode(array.size() + 1);
            copy.addAll(array);
            if (!last) {
                copy.set(index, update(array.get(index), path, i + 1, op, kind));
            } else if (kind.equals("add")) {
                copy.insert(index, op.get("value"));
            } else if (kind.equals("remove")) {
                copy.remove(index);
            } else {
                copy.set(index, op.get("value"));
            }
            return copy;
        }
        if (!(node instanceof ObjectNode object)) {
            throw bad(op, "'" + key + "' is below a " + (node == null ? "missing" : node.getNodeType()) + " value");
        }
        if (!object.has(key) && !(last && kind.equals("add"))) {
            throw bad(op, "there is no member '" + key + "'");
        }
        ObjectNode copy = NODES.objectNode();
        copy.setAll(object);
        if (!last) {
            copy.set(key, update(object.get(key), path, i + 1, op, kind));
        } else if (kind.equals("remove")) {
            copy.remove(key);
        } else {
            copy.set(key, op.get("value"));
        }
        return copy;
    }

    /** An array index: digits without a leading zero, below the size ({@code -} and the size itself only to add). */
    private static int index(String key, int size, boolean adding, JsonNode op) {
        if (adding && key.equals("-")) {
            return size;
        }
        if (!key.matches("0|[1-9][0-9]{0,8}")) {
            throw bad(op, "'" + key + "' is not an array index");
        }
        int index = Integer.parseInt(key);
        if (index > size || index == size && !adding) {
            throw bad(op, "index " + index + " is out of range (the array has " + size + " elements)");
        }
        return index;
    }

    private static IllegalArgumentException bad(JsonNode op, String why) {
        return new IllegalArgumentException("the patch does not apply: " + op + ": " + why);
    }
}
