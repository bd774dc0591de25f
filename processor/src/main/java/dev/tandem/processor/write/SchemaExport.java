package dev.tandem.processor.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.processor.model.FieldModel;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.model.PropertyModel;
import dev.tandem.processor.model.TypeRef;
import dev.tandem.processor.model.TypeUse;
import dev.tandem.processor.model.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exported schema of a live object's stored state: the stored fields by name, each with its
 * JSON shape (scalar kind, enum constants, object properties, array elements, map keys and values,
 * nullability), sorted and deterministic so that the file diffs well in version control; and the
 * comparison of an exported shape with the current one. Java class names are recorded but not
 * compared: renaming a record class does not change what is stored.
 */
public final class SchemaExport {

    /** The format of the exported files; bumped when a change would break the comparison. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SchemaExport() {
    }

    /**
     * @param model a live object
     * @return its exported schema
     */
    public static ObjectNode schema(LiveObjectModel model) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("typeName", model.typeName());
        doc.put("javaClass", model.className().canonicalName());
        doc.put("version", model.versions().version());
        ObjectNode fields = doc.putObject("fields");
        model.fields().stream().filter(FieldModel::stored).sorted(Comparator.comparing(FieldModel::name))
                .forEach(f -> fields.set(f.name(), shape(f.type(), model.valueTypes(), new HashSet<>())));
        return doc;
    }

    /**
     * @param schema an exported schema
     * @return it as the file's text: indented JSON ending with a newline
     */
    public static String text(JsonNode schema) {
        try {
            return MAPPER.writeValueAsString(schema) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param text a file's content
     * @return the schema it holds
     * @throws IllegalArgumentException if it is not an exported schema
     */
    public static JsonNode parse(String text) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (doc == null || !doc.path("fields").isObject()) {
            throw new IllegalArgumentException("it has no \"fields\" object");
        }
        if (doc.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("its format is " + doc.path("format") + ", this processor reads " + FORMAT);
        }
        return doc;
    }

    private static ObjectNode shape(TypeUse use, Map<String, ValueType> types, Set<String> enclosing) {
        ObjectNode shape = MAPPER.createObjectNode();
        TypeRef type = use.type();
        boolean nullable = use.nullable();
        if (type instanceof TypeRef.Scalar s) {
            shape.put("kind", s.kind().modelName());
        } else if (type instanceof TypeRef.Named n) {
            ValueType value = types.get(n.className().canonicalName());
            String javaClass = n.className().canonicalName();
            if (value instanceof ValueType.EnumType e) {
                shape.put("kind", "enum");
                shape.put("class", javaClass);
                ArrayNode constants = shape.putArray("constants");
                e.constants().forEach(constants::add);
            } else {
                shape.put("kind", "object");
                shape.put("class", javaClass);
                if (!enclosing.add(javaClass)) {
                    shape.put("recursive", true);
                } else {
                    List<PropertyModel> properties = value instanceof ValueType.RecordType r ? r.properties()
                            : value instanceof ValueType.BeanType b ? b.properties() : List.of();
                    ObjectNode props = shape.putObject("properties");
                    properties.stream().sorted(Comparator.comparing(PropertyModel::name))
                            .forEach(p -> props.set(p.name(), shape(p.type(), types, enclosing)));
                    enclosing.remove(javaClass);
                }
            }
        } else if (type instanceof TypeRef.CollectionOf c) {
            shape.put("kind", "array");
            shape.set("element", shape(c.element(), types, enclosing));
        } else if (type instanceof TypeRef.ArrayOf a) {
            shape.put("kind", "array");
            shape.set("element", shape(a.component(), types, enclosing));
        } else if (type instanceof TypeRef.MapOf m) {
            shape.put("kind", "map");
            shape.set("key", shape(new TypeUse(m.key(), false), types, enclosing));
            shape.set("value", shape(m.value(), types, enclosing));
        } else if (type instanceof TypeRef.OptionalOf o) {
            ObjectNode inner = shape(o.value(), types, enclosing);
            inner.put("nullable", true);
            return inner;
        }
        if (nullable) {
            shape.put("nullable", true);
        }
        return shape;
    }

    /**
     * What makes state stored in the {@code older} shape unloadable in the {@code newer} one.
     *
     * @param older an exported schema
     * @param newer the current schema
     * @param formerNames the {@code @Formerly} names applied to {@code older}'s fields, or an empty map
     * @return the incompatible changes, each a short phrase; empty when stored state still loads
     */
    public static List<String> incompatibilities(JsonNode older, JsonNode newer, Map<String, List<String>> formerNames) {
        List<String> problems = new ArrayList<>();
        JsonNode oldFields = older.get("fields");
        JsonNode newFields = newer.get("fields");
        for (Iterator<String> it = oldFields.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String now = newFields.has(name) ? name : renamedTo(name, formerNames);
            if (now == null) {
                problems.add("stored field '" + name + "' was removed or renamed");
            } else {
                compare(oldFields.get(name), newFields.get(now), "field '" + now + "'", problems);
            }
        }
        return problems;
    }

    private static String renamedTo(String old, Map<String, List<String>> formerNames) {
        for (Map.Entry<String, List<String>> e : formerNames.entrySet()) {
            if (e.getValue().contains(old)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static void compare(JsonNode older, JsonNode newer, String where, List<String> problems) {
        String oldKind = older.path("kind").asText();
        String newKind = newer.path("kind").asText();
        if (!oldKind.equals(newKind)) {
            problems.add(where + " changed from " + describe(older) + " to " + describe(newer));
            return;
        }
        if (older.path("nullable").asBoolean() && !newer.path("nullable").asBoolean()) {
            problems.add(where + " may no longer be null, but stored values may be null");
        }
        switch (oldKind) {
            case "enum" -> {
                List<String> lost = new ArrayList<>();
                older.path("constants").forEach(c -> {
                    boolean kept = false;
                    for (JsonNode n : newer.path("constants")) {
                        kept |= n.asText().equals(c.asText());
                    }
                    if (!kept) {
                        lost.add(c.asText());
                    }
                });
                if (!lost.isEmpty()) {
                    problems.add(where + " (enum " + simple(newer) + ") lost constant" + (lost.size() > 1 ? "s " : " ")
                            + String.join(", ", lost));
                }
            }
            case "object" -> {
                if (older.path("recursive").asBoolean() || newer.path("recursive").asBoolean()) {
                    return; // compared where it first appears
                }
                JsonNode oldProps = older.path("properties");
                JsonNode newProps = newer.path("properties");
                oldProps.fieldNames().forEachRemaining(p -> {
                    if (!newProps.has(p)) {
                        problems.add(where + " (" + simple(newer) + ") lost component '" + p + "'");
                    } else {
                        compare(oldProps.get(p), newProps.get(p), where + " component '" + p + "'", problems);
                    }
                });
                newProps.fieldNames().forEachRemaining(p -> {
                    if (!oldProps.has(p) && !newProps.get(p).path("nullable").asBoolean()) {
                        problems.add(where + " (" + simple(newer) + ") gained component '" + p
                                + "', which can't be null, but stored values lack it");
                    }
                });
            }
            case "array" -> compare(older.get("element"), newer.get("element"), where + " element", problems);
            case "map" -> {
                compare(older.get("key"), newer.get("key"), where + " key", problems);
                compare(older.get("value"), newer.get("value"), where + " value", problems);
            }
            default -> { }
        }
    }

    private static String describe(JsonNode shape) {
        return switch (shape.path("kind").asText()) {
            case "enum" -> "enum " + simple(shape);
            case "object" -> "object " + simple(shape);
            case "array" -> "array of " + describe(shape.get("element"));
            case "map" -> "map of " + describe(shape.get("value"));
            default -> shape.path("kind").asText();
        };
    }

    private static String simple(JsonNode shape) {
        String c = shape.path("class").asText();
        return c.substring(c.lastIndexOf('.') + 1);
    }
}
