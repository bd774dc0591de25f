package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The pending timers of one instance: when each is due (stored with the instance) and the
 * scheduled task that will post it to the mailbox. Touched only by the instance's turns.
 */
final class InstanceTimers {

    private final Map<String, Long> due = new TreeMap<>();
    private final Map<String, Runnable> scheduled = new HashMap<>(); // name: cancels its task
    private final TimerScheduler scheduler;
    private final BiConsumer<String, Long> fire;

    /**
     * @param scheduler runs the tasks when due
     * @param fire posts a due timer (name, due time) to the instance
     */
    InstanceTimers(TimerScheduler scheduler, BiConsumer<String, Long> fire) {
        this.scheduler = scheduler;
        this.fire = fire;
    }

    /** Loads stored timers and schedules them; overdue ones fire at once. */
    void load(JsonNode stored) {
        if (stored != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                due.put(e.getKey(), e.getValue().asLong());
                arm(e.getKey(), e.getValue().asLong());
            }
        }
    }

    /**
     * Applies a committed turn's changes: a due time schedules (or moves) a timer,
     * {@link InstanceContext#CANCELLED} cancels it.
     *
     * @return whether anything changed
     */
    boolean apply(Map<String, Long> changes) {
        changes.forEach((name, at) -> {
            unschedule(name);
            if (at == InstanceContext.CANCELLED) {
                due.remove(name);
            } else {
                due.put(name, at);
                arm(name, at);
            }
        });
        return !changes.isEmpty();
    }

    /**
     * Takes a timer that fired, if it is still pending at that due time (not moved or cancelled).
     *
     * @return whether it should run
     */
    boolean take(String name, long at) {
        Long d = due.get(name);
        if (d == null || d != at) {
            return false;
        }
        due.remove(name);
        scheduled.remove(name);
        return true;
    }

    /** Cancels every scheduled task; the due times stay stored. */
    void cancelAll() {
        scheduled.values().forEach(Runnable::run);
        scheduled.clear();
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

    private void arm(String name, long at) {
        scheduled.put(name, scheduler.schedule(() -> fire.accept(name, at), at));
    }

    private void unschedule(String name) {
        Runnable cancel = scheduled.remove(name);
        if (cancel != null) {
            cancel.run();
        }
    }
}
