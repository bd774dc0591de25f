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
 *
 * <p>Stored as {@code {"name": dueMillis}}; a timer the retry policy re-armed after failed runs as
 * {@code {"name": {"at": dueMillis, "failed": runs}}}, so that a restart mid-backoff keeps the count.
 */
final class InstanceTimers {

    private final Map<String, Long> due = new TreeMap<>();
    private final Map<String, Runnable> scheduled = new HashMap<>(); // name: cancels its task
    private final Map<String, Integer> failed = new HashMap<>(); // name: failed runs, for one re-armed by retry
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

    /**
     * @param name a timer
     * @return when it is due (epoch milliseconds), or {@code null} when it is not pending
     */
    Long dueAt(String name) {
        return due.get(name);
    }

    /** Loads stored timers and schedules them; overdue ones fire at once. */
    void load(JsonNode stored) {
        if (stored != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                long at = e.getValue().isObject() ? e.getValue().path("at").asLong() : e.getValue().asLong();
                due.put(e.getKey(), at);
                if (e.getValue().path("failed").asInt() > 0) {
                    failed.put(e.getKey(), e.getValue().path("failed").asInt());
                }
                arm(e.getKey(), at);
            }
        }
    }

    /**
     * Applies a committed turn's changes: a due time schedules (or moves) a timer,
     * {@link InstanceContext#CANCELLED} cancels it. Either forgets its failed runs: scheduled anew, it
     * starts with a fresh count.
     *
     * @return whether anything changed
     */
    boolean apply(Map<String, Long> changes) {
        changes.forEach((name, at) -> {
            unschedule(name);
            failed.remove(name);
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
     * @return how many runs of it failed before (0 for its first run), or -1 when it should not run
     */
    int take(String name, long at) {
        Long d = due.get(name);
        if (d == null || d != at) {
            return -1;
        }
        due.remove(name);
        scheduled.remove(name);
        Integer runs = failed.remove(name);
        return runs == null ? 0 : runs;
    }

    /**
     * Re-arms a timer whose run failed, unless a turn scheduled it meanwhile (then that wins).
     *
     * @param failedRuns its failed runs so far
     */
    void retry(String name, long at, int failedRuns) {
        if (due.containsKey(name)) {
            return;
        }
        due.put(name, at);
        failed.put(name, failedRuns);
        arm(name, at);
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
        due.forEach((name, at) -> {
            Integer runs = failed.get(name);
            if (runs == null) {
                json.put(name, at);
            } else {
                json.putObject(name).put("at", at).put("failed", runs);
            }
        });
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
