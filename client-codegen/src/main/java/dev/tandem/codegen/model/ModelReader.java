package dev.tandem.codegen.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Parses model documents, refusing formats it doesn't know. */
public final class ModelReader {

    /** The model format this reader understands. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelReader() {
    }

    /**
     * @param json a model document
     * @param origin where it came from, for error messages
     * @return the model
     * @throws IllegalArgumentException if it is not a model document of a known format
     */
    public static LiveObjectModel read(String json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.has("typeName") || !root.has("format")) {
            throw new IllegalArgumentException(origin + " is not a Tandem model document (no format or typeName)");
        }
        if (root.get("format").asInt() != FORMAT) {
            throw new IllegalArgumentException(origin + " has model format " + root.get("format").asInt()
                    + ", but this generator reads format " + FORMAT + "; use matching Tandem versions");
        }
        List<Member> fields = new ArrayList<>();
        for (JsonNode f : root.path("fields")) {
            fields.add(new Member(f.get("name").asText(), type(f.get("type")), f.path("stored").asBoolean(true), doc(f)));
        }
        List<Member> views = new ArrayList<>();
        for (JsonNode v : root.path("views")) { // absent when the class has none
            views.add(new Member(v.get("name").asText(), type(v.get("type")), false, doc(v)));
        }
        List<ActionModel> actions = new ArrayList<>();
        for (JsonNode a : root.path("actions")) {
            List<Member> params = new ArrayList<>();
            for (JsonNode p : a.path("parameters")) {
                params.add(new Member(p.get("name").asText(), type(p.get("type")), true, ""));
            }
            JsonNode returns = a.get("returns");
            actions.add(new ActionModel(a.get("name").asText(), params,
                    returns == null || returns.isNull() ? null : type(returns), doc(a)));
        }
        Map<String, NamedType> types = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("types").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            types.put(e.getKey(), namedType(e.getKey(), e.getValue()));
        }
        return new LiveObjectModel(root.get("typeName").asText(), root.path("name").asText(root.get("typeName").asText()),
                root.path("javaClass").asText(""), doc(root), fields, actions, types, views, machine(root.get("machine")));
    }

    private static MachineModel machine(JsonNode m) {
        if (m == null || m.isNull()) { // absent when the class has no @State
            return null;
        }
        List<MachineModel.Transition> transitions = new ArrayList<>();
        for (JsonNode t : m.path("transitions")) {
            transitions.add(new MachineModel.Transition(t.get("action").asText(), strings(t.path("from")),
                    strings(t.path("to"))));
        }
        return new MachineModel(m.get("field").asText(), strings(m.path("states")), m.path("initial").asText(""),
                strings(m.path("terminal")), transitions, strings(m.path("free")), m.path("diagram").asText(""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static NamedType namedType(String javaName, JsonNode t) {
        List<Member> properties = new ArrayList<>();
        for (JsonNode p : t.path("properties")) {
            properties.add(new Member(p.get("name").asText(), type(p.get("type")), true, doc(p)));
        }
        List<String> values = new ArrayList<>();
        t.path("values").forEach(v -> values.add(v.asText()));
        return new NamedType(javaName, t.get("name").asText(), t.get("kind").asText(), properties, values, doc(t));
    }

    private static TypeUse type(JsonNode t) {
        String kind = t.get("kind").asText();
        return new TypeUse(kind, t.path("name").asText(null),
                t.has("items") ? type(t.get("items")) : null,
                t.has("keys") ? type(t.get("keys")) : null,
                t.has("values") ? type(t.get("values")) : t.has("value") ? type(t.get("value")) : null,
                t.path("nullable").asBoolean(false));
    }

    private static String doc(JsonNode node) {
        return node.path("doc").asText("");
    }
}
