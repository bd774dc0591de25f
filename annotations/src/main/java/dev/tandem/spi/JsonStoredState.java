package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.StoredState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link StoredState} over a JSON object, which it changes in place. */
public final class JsonStoredState implements StoredState {

    private final ObjectNode tree;
    private final String path;

    /** @param tree the stored fields; changed in place */
    public JsonStoredState(ObjectNode tree) {
        this(tree, "");
    }

    private JsonStoredState(ObjectNode tree, String path) {
        this.tree = tree;
        this.path = path;
    }

    /** @return the object this state changes */
    public ObjectNode tree() {
        return tree;
    }

    @Override
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Override
    public boolean has(String name) {
        return tree.has(name);
    }

    @Override
    public Object get(String name) {
        return toJava(tree.get(name));
    }

    @Override
    public String getString(String name) {
        JsonNode v = tree.get(name);
        if (Json.isAbsent(v)) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrong(name, "a string", v);
        }
        return v.textValue();
    }

    @Override
    public long getLong(String name) {
        JsonNode v = tree.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrong(name, "an integral number", v);
        }
        return v.longValue();
    }

    @Override
    public double getDouble(String name) {
        JsonNode v = tree.get(name);
        if (v == null || !v.isNumber()) {
            throw wrong(name, "a number", v);
        }
        return v.doubleValue();
    }

    @Override
    public boolean getBoolean(String name) {
        JsonNode v = tree.get(name);
        if (v == null || !v.isBoolean()) {
            throw wrong(name, "a boolean", v);
        }
        return v.booleanValue();
    }

    @Override
    public StoredState object(String name) {
        JsonNode v = tree.get(name);
        if (v == null || !v.isObject()) {
            throw wrong(name, "an object", v);
        }
        return new JsonStoredState((ObjectNode) v, path + name + ".");
    }

    @Override
    public StoredState put(String name, Object value) {
        tree.set(name, toJson(value, path + name));
        return this;
    }

    @Override
    public StoredState putObject(String name) {
        return new JsonStoredState(tree.putObject(name), path + name + ".");
    }

    @Override
    public StoredState remove(String name) {
        tree.remove(name);
        return this;
    }

    @Override
    public StoredState rename(String from, String to) {
        if (tree.has(from) && !from.equals(to)) {
            tree.set(to, tree.remove(from));
        }
        return this;
    }

    @Override
    public String toString() {
        return tree.toString();
    }

    private IllegalArgumentException wrong(String name, String expected, JsonNode found) {
        return new IllegalArgumentException("'" + path + name + "' holds " + Json.describe(found) + ", not " + expected);
    }

    private static Object toJava(JsonNode v) {
        if (Json.isAbsent(v)) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : new BigDecimal(v.bigIntegerValue());
        }
        if (v.isNumber()) {
            return v.isBigDecimal() ? v.decimalValue() : (Object) v.doubleValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            v.forEach(e -> list.add(toJava(e)));
            return list;
        }
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), toJava(e.getValue()));
            }
            return map;
        }
        return v.asText();
    }

    private static JsonNode toJson(Object value, String where) {
        if (value == null) {
            return Json.nullNode();
        }
        if (value instanceof JsonStoredState s) {
            return s.tree.deepCopy();
        }
        if (value instanceof String s) {
            return Json.NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return Json.NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return Json.NODES.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return Json.NODES.numberNode(i);
        }
        if (value instanceof Enum<?> e) {
            return Json.NODES.textNode(e.name());
        }
        if (value instanceof Collection<?> c) {
            ArrayNode array = Json.array();
            int i = 0;
            for (Object e : c) {
                array.add(toJson(e, where + "[" + i++ + "]"));
            }
            return array;
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode object = Json.object();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("'" + where + "': a map key is " + e.getKey()
                            + "; stored objects have string keys");
                }
                object.set(key, toJson(e.getValue(), where + "." + key));
            }
            return object;
        }
        throw new IllegalArgumentException("'" + where + "' can't hold a " + value.getClass().getName()
                + ": put null, a String, Number, Boolean, enum constant, Collection, Map or StoredState");
    }
}
