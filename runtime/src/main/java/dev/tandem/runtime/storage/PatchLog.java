package dev.tandem.runtime.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Rebuilds an instance's stored state from its snapshot and the patch log after it. The log must
 * be a chain: the first patch after the snapshot applies to the snapshot's revision, each next one
 * to the revision the previous led to, and the last leads to the instance's revision. A break in the
 * chain means rows were lost or edited outside Tandem; the state is then refused, never guessed.
 *
 * <pre>{@code
 * ObjectNode state = PatchLog.replay(store.load("board", "b1").orElseThrow());
 * }</pre>
 */
public final class PatchLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PatchLog() {
    }

    /**
     * @param stored what storage returned
     * @return the stored fields at {@code stored.revision()}
     * @throws IllegalStateException if the snapshot or a patch is not valid JSON, a patch does not
     *     apply, or the log after the snapshot has a gap
     */
    public static ObjectNode replay(StoredState stored) {
        JsonNode state = parse(stored.state(), "its snapshot");
        if (!(state instanceof ObjectNode object)) {
            throw new IllegalStateException("its stored snapshot is not a JSON object: " + abbreviate(stored.state()));
        }
        long at = stored.snapshotRevision();
        for (StoredPatch patch : after(stored.log(), at)) {
            if (patch.baseRevision() != at) {
                throw gap(stored, at, patch);
            }
            if (patch.ops() == null) {
                throw new IllegalStateException("its patch log lacks the operations of revision " + patch.revision()
                        + " (too large to keep), and no snapshot at or after it exists");
            }
            try {
                apply(object, parse(patch.ops(), "its patch to revision " + patch.revision()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("its patch to revision " + patch.revision() + " does not apply to the"
                        + " state at revision " + at + ": " + e.getMessage(), e);
            }
            at = patch.revision();
        }
        if (at != stored.revision()) {
            throw new IllegalStateException("its patch log ends at revision " + at + " but the instance is at revision "
                    + stored.revision() + " (snapshot at " + stored.snapshotRevision() + "): patches are missing, so"
                    + " its state can't be rebuilt. Restore tandem_patch and tandem_instance together, or write a"
                    + " snapshot (state, snapshot_revision = revision) and set history to NULL");
        }
        return object;
    }

    private static List<StoredPatch> after(List<StoredPatch> log, long revision) {
        int i = 0;
        while (i < log.size() && log.get(i).revision() <= revision) {
            i++;
        }
        return log.subList(i, log.size());
    }

    private static IllegalStateException gap(StoredState stored, long at, StoredPatch patch) {
        return new IllegalStateException("its patch log has a gap: after revision " + at + " the next stored patch"
                + " applies to revision " + patch.baseRevision() + " (leading to " + patch.revision() + "); the"
                + " instance is at revision " + stored.revision() + " with a snapshot at " + stored.snapshotRevision()
                + ". Rows of tandem_patch were lost or edited outside Tandem, so its state can't be rebuilt; restore"
                + " them, or write a snapshot (state, snapshot_revision = revision) and set history to NULL");
    }

    /**
     * Applies JSON Patch operations (RFC 6902: add, remove, replace; what {@code TurnRunner}
     * produces) to a state, in place.
     *
     * @param root the state; modified
     * @param ops the operations
     * @throws IllegalArgumentException naming the operation that does not apply and why
     */
    public static void apply(ObjectNode root, JsonNode ops) {
        if (ops == null || !ops.isArray()) {
            throw new IllegalArgumentException("a patch is a JSON array of operations, not " + ops);
        }
        for (JsonNode op : ops) {
            applyOne(root, op);
        }
    }

    private static void applyOne(ObjectNode root, JsonNode op) {
        String kind = op.path("op").asText();
        if (!kind.equals("add") && !kind.equals("remove") && !kind.equals("replace")) {
            throw bad(op, "the op is not add, remove or replace");
        }
        JsonNode value = op.get("value");
        if (!kind.equals("remove") && value == null) {
            throw bad(op, "it has no value");
        }
        String pointer = op.path("path").asText(null);
        if ("".equals(pointer)) { // the whole state
            if (kind.equals("remove") || !value.isObject()) {
                throw bad(op, "the state must stay an object");
            }
            root.removeAll();
            root.setAll((ObjectNode) value);
            return;
        }
        if (pointer == null || !pointer.startsWith("/")) {
            throw bad(op, "the path is not a JSON Pointer below the state");
        }
        String[] path = pointer.substring(1).split("/", -1);
        JsonNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = child(parent, unescape(path[i]), op);
        }
        String key = unescape(path[path.length - 1]);
        if (parent instanceof ObjectNode object) {
            if (!kind.equals("add") && !object.has(key)) {
                throw bad(op, "there is no member '" + key + "'");
            }
            if (kind.equals("remove")) {
                object.remove(key);
            } else {
                object.set(key, value);
            }
        } else if (parent instanceof ArrayNode array) {
            boolean adding = kind.equals("add");
            int index = adding && key.equals("-") ? array.size() : index(key, op);
            if (index > array.size() || index == array.size() && !adding) {
                throw bad(op, "index " + index + " is out of range (the array has " + array.size() + " elements)");
            }
            switch (kind) {
                case "add" -> array.insert(index, value);
                case "remove" -> array.remove(index);
                default -> array.set(index, value);
            }
        } else {
            throw bad(op, "'" + key + "' is below a " + parent.getNodeType() + " value");
        }
    }

    private static JsonNode child(JsonNode parent, String key, JsonNode op) {
        JsonNode next = parent instanceof ArrayNode array ? array.get(index(key, op))
                : parent instanceof ObjectNode object ? object.get(key) : null;
        if (next == null || !next.isContainerNode()) {
            throw bad(op, "there is no object or array at '" + key + "'");
        }
        return next;
    }

    private static int index(String key, JsonNode op) {
        if (!key.matches("0|[1-9][0-9]{0,8}")) {
            throw bad(op, "'" + key + "' is not an array index");
        }
        return Integer.parseInt(key);
    }

    private static String unescape(String segment) {
        return segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
    }

    private static IllegalArgumentException bad(JsonNode op, String why) {
        return new IllegalArgumentException("the patch does not apply: " + abbreviate(op.toString()) + ": " + why);
    }

    private static JsonNode parse(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
