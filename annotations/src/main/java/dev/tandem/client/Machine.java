package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A type's state machine as its model document describes it ({@code machine} in docs/MODEL.md),
 * read once per type from the classpath; the rule is the server's: transitions whose {@code from}
 * holds the state, in order, then the free actions.
 */
record Machine(String field, List<Map.Entry<String, List<String>>> transitions, List<String> free,
        List<String> actions) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Machine> LOADED = new ConcurrentHashMap<>();

    /**
     * @return the machine of a type (one where every action is free when the type has no {@code @State}
     *     field), or {@code null} when its model document is not on the classpath
     */
    static Machine of(String typeName) {
        return LOADED.computeIfAbsent(typeName, Machine::load);
    }

    private static Machine load(String typeName) {
        String path = "META-INF/tandem/models/" + typeName + ".json";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : Machine.class.getClassLoader()).getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            JsonNode root = JSON.readTree(in);
            List<String> actions = new ArrayList<>();
            root.path("actions").forEach(a -> actions.add(a.path("name").asText()));
            JsonNode m = root.path("machine");
            if (m.isMissingNode() || m.isNull()) {
                return new Machine(null, List.of(), actions, actions);
            }
            List<Map.Entry<String, List<String>>> transitions = new ArrayList<>();
            m.path("transitions").forEach(t -> transitions.add(Map.entry(t.path("action").asText(), strings(t.path("from")))));
            return new Machine(m.path("field").asText(), transitions, strings(m.path("free")), actions);
        } catch (IOException e) {
            throw new UncheckedIOException("the model document " + path + " can't be read", e);
        }
    }

    /** @return the actions allowed in a state, each once */
    List<String> allowed(String state) {
        Set<String> allowed = new LinkedHashSet<>();
        transitions.stream().filter(t -> t.getValue().contains(state)).forEach(t -> allowed.add(t.getKey()));
        allowed.addAll(free);
        return List.copyOf(allowed);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
