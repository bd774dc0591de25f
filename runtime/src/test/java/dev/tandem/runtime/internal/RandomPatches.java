package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded random turns for the patch conformance tests: a random JSON state, then random mutations
 * of it (insert, remove, replace, type changes, awkward keys), each diffed as the server diffs a
 * turn. The Java test applies them with the Java client's applier; NodeClientTest writes them to a
 * file for the Node test, which applies them with runtime.js.
 */
public final class RandomPatches {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] KEYS = {"a", "b", "x", "", "a/b", "~", "~1", "__proto__", "constructor", "ключ", "😀"};

    private RandomPatches() {
    }

    /** The ops a turn gets: one diff per field, as TurnRunner computes it. */
    public static ArrayNode turnDiff(ObjectNode before, ObjectNode after) {
        if (!before.properties().stream().map(e -> e.getKey()).toList()
                .equals(after.properties().stream().map(e -> e.getKey()).toList())) {
            throw new IllegalArgumentException("a turn keeps the fields: " + before + " -> " + after);
        }
        ArrayNode ops = NODES.arrayNode();
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonDiff.diff("/" + JsonDiff.escape(field), before.get(field), after.get(field), ops);
        }
        return ops;
    }

    /**
     * @param seed the seed
     * @param turns how many turns
     * @return {@code [{"before", "after", "ops"}, ...]}, each turn's {@code before} the last one's {@code after}
     */
    public static ArrayNode sequence(long seed, int turns) {
        Random random = new Random(seed);
        ObjectNode state = NODES.objectNode();
        for (int i = 0; i < 4; i++) {
            state.set(i == 3 ? "f/~3" : "f" + i, random.nextBoolean() ? randomObject(random, 2) : randomArray(random, 2));
        }
        ArrayNode out = NODES.arrayNode();
        for (int t = 0; t < turns; t++) {
            ObjectNode next = state.deepCopy();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(random, next);
            }
            ObjectNode turn = out.addObject();
            turn.set("before", state);
            turn.set("after", next);
            turn.set("ops", turnDiff(state, next));
            state = next;
        }
        return out;
    }

    /** Changes one random place below a random field. */
    private static void mutate(Random random, ObjectNode state) {
        List<String> fields = new ArrayList<>();
        state.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode container = state.get(field);
        if (!container.isContainerNode()) {
            state.set(field, random.nextBoolean() ? randomObject(random, 2) : randomArray(random, 2));
            return;
        }
        // walk down while there are containers and a coin says so
        while (random.nextInt(3) > 0) {
            List<JsonNode> children = new ArrayList<>();
            container.elements().forEachRemaining(c -> {
                if (c.isContainerNode()) {
                    children.add(c);
                }
            });
            if (children.isEmpty()) {
                break;
            }
            container = children.get(random.nextInt(children.size()));
        }
        if (container instanceof ArrayNode array) {
            int size = array.size();
            switch (random.nextInt(4)) {
                case 0 -> array.insert(random.nextInt(size + 1), randomValue(random, 1));
                case 1 -> array.add(randomValue(random, 1));
                case 2 -> {
                    if (size > 0) {
                        array.remove(random.nextInt(size));
                    }
                }
                default -> {
                    if (size > 0) {
                        array.set(random.nextInt(size), randomValue(random, 1));
                    }
                }
            }
        } else {
            ObjectNode object = (ObjectNode) container;
            String key = KEYS[random.nextInt(KEYS.length)];
            if (object.has(key) && random.nextInt(3) == 0) {
                object.remove(key);
            } else {
                object.set(key, randomValue(random, 1));
            }
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(100) - 50);
            case 3 -> NODES.numberNode(random.nextInt(1000) / 8.0);
            case 4, 5 -> NODES.textNode(KEYS[random.nextInt(KEYS.length)]);
            case 6 -> randomObject(random, depth - 1);
            default -> randomArray(random, depth - 1);
        };
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            object.set(KEYS[random.nextInt(KEYS.length)], randomValue(random, depth));
        }
        return object;
    }

    private static ArrayNode randomArray(Random random, int depth) {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            array.add(randomValue(random, depth));
        }
        return array;
    }
}
