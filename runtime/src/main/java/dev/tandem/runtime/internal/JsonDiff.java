package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Computes a JSON Patch (RFC 6902) from one JSON value to another, at the level of the nested value
 * that changed: moving one cursor in a map of cursors gives one {@code replace} at
 * {@code /cursors/alice/x}, not a new map. Arrays are compared after their common prefix and
 * suffix, so appending, inserting or removing one element gives one operation. Neither input is
 * modified; operations may share nodes of {@code after}.
 */
final class JsonDiff {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonDiff() {
    }

    /**
     * @param path the JSON Pointer of the value being compared
     * @param before its old value
     * @param after its new value
     * @param ops receives the operations that turn {@code before} into {@code after}
     */
    static void diff(String path, JsonNode before, JsonNode after, ArrayNode ops) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            diffObjects(path, (ObjectNode) before, (ObjectNode) after, ops);
        } else if (before.isArray() && after.isArray()) {
            diffArrays(path, (ArrayNode) before, (ArrayNode) after, ops);
        } else {
            replace(path, after, ops);
        }
    }

    private static void diffObjects(String path, ObjectNode before, ObjectNode after, ArrayNode ops) {
        int changed = 0;
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!after.has(key) || !before.get(key).equals(after.get(key))) {
                changed++;
            }
        }
        for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
            if (!before.has(it.next())) {
                changed++;
            }
        }
        // An object that changed in more than half its keys is a new value: one replace is smaller.
        if (changed > 1 && changed * 2 > Math.max(before.size(), after.size())) {
            replace(path, after, ops);
            return;
        }
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!after.has(key)) {
                ops.addObject().put("op", "remove").put("path", path + "/" + escape(key));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = before.get(e.getKey());
            String child = path + "/" + escape(e.getKey());
            if (old == null) {
                ops.addObject().put("op", "add").put("path", child).set("value", e.getValue());
            } else {
                diff(child, old, e.getValue(), ops);
            }
        }
    }

    private static void diffArrays(String path, ArrayNode before, ArrayNode after, ArrayNode ops) {
        int nb = before.size();
        int na = after.size();
        int prefix = 0;
        while (prefix < nb && prefix < na && before.get(prefix).equals(after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < nb - prefix && suffix < na - prefix
                && before.get(nb - 1 - suffix).equals(after.get(na - 1 - suffix))) {
            suffix++;
        }
        int midBefore = nb - prefix - suffix;
        int midAfter = na - prefix - suffix;
        if (midBefore > 0 && midAfter > 0 && midBefore != midAfter) {
            replace(path, after, ops);
            return;
        }
        for (int i = 0; i < Math.min(midBefore, midAfter); i++) {
            diff(path + "/" + (prefix + i), before.get(prefix + i), after.get(prefix + i), ops);
        }
        for (int i = midBefore - 1; i >= midAfter; i--) {
            ops.addObject().put("op", "remove").put("path", path + "/" + (prefix + i));
        }
        for (int i = midBefore; i < midAfter; i++) {
            String at = prefix + i == na - 1 ? "-" : String.valueOf(prefix + i);
            ops.addObject().put("op", "add").put("path", path + "/" + at).set("value", after.get(prefix + i));
        }
    }

    private static void replace(String path, JsonNode value, ArrayNode ops) {
        ObjectNode op = NODES.objectNode();
        op.put("op", "replace").put("path", path).set("value", value);
        ops.add(op);
    }

    /** Escapes a key for a JSON Pointer (RFC 6901). */
    static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }
}
