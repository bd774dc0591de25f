package dev.tandem.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The patch conformance table, {@code docs/conformance/patches.json}, shared with the Node tests. */
public final class PatchCases {

    /** The table's file, from the runtime module's folder (where tests run). */
    public static final Path FILE = Path.of("../docs/conformance/patches.json");

    /**
     * One case. A turn ({@link #isTurn()}) has {@code ops}, the server's diff of {@code before} to
     * {@code after}; an applier-only case has {@code patch} and {@code after}, or {@code fails}.
     */
    public record Case(String name, ObjectNode before, ObjectNode after, JsonNode ops, JsonNode patch, boolean fails) {
        public boolean isTurn() {
            return ops != null;
        }

        /** @return the operations an applier applies */
        public JsonNode toApply() {
            return isTurn() ? ops : patch;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private PatchCases() {
    }

    public static List<Case> all() {
        JsonNode table;
        try {
            table = new ObjectMapper().readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : table.get("cases")) {
            cases.add(new Case(c.get("name").asText(), (ObjectNode) c.get("before"), (ObjectNode) c.get("after"),
                    c.get("ops"), c.get("patch"), c.path("fails").asBoolean(false)));
        }
        return cases;
    }
}
