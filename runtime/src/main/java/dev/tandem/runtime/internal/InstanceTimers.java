package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** The pending timers of one instance: timer name to due time (epoch milliseconds). */
final class InstanceTimers {

    private final Map<String, Long> due = new TreeMap<>();

    void load(JsonNode stored) {
        if (stored != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                due.put(e.getKey(), e.getValue().asLong());
            }
        }
    }

    void put(String name, long at) {
        due.put(name, at);
    }

    void remove(String name) {
        due.remove(name);
    }

    /** @return whether {@code name} is pending and due at exactly {@code at} (not moved or cancelled since) */
    boolean isDue(String name, long at) {
        Long d = due.get(name);
        return d != null && d == at;
    }

    Map<String, Long> all() {
        return due;
    }

    /** @return the timers as stored, or {@code null} when there are none */
    ObjectNode toJson() {
        if (due.isEmpty()) {
            return null;
        }
        ObjectNode json = Frames.JSON.createObjectNode();
        due.forEach(json::put);
        return json;
    }

    /** @return when the earliest timer is due, or {@code null} */
    Long wakeAt() {
        return due.values().stream().min(Long::compare).orElse(null);
    }
}
