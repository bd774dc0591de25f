package dev.tandem.runtime.internal;

import dev.tandem.LiveContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Internal API (used by the test kit too). The {@link LiveContext} of one instance. Timer changes made during a turn are collected here and
 * applied only when the turn commits. Its presence is kept by whoever hosts the instance (the
 * instance's joins and leaves, or the test kit).
 */
public final class InstanceContext implements LiveContext {

    /** Marks a cancelled timer among a turn's changes. */
    public static final long CANCELLED = -1;

    private final InstanceKey key;
    private final Clock clock;
    private final List<String> timerNames;
    private final PresenceBook presence = new PresenceBook();
    private Map<String, Long> turnChanges;
    private Function<String, Long> committed = name -> null;

    /**
     * @param key the instance
     * @param clock the runtime's clock
     * @param timerNames the type's {@code @OnTimer} methods
     */
    public InstanceContext(InstanceKey key, Clock clock, List<String> timerNames) {
        this.key = key;
        this.clock = clock;
        this.timerNames = timerNames;
    }

    @Override
    public String typeName() {
        return key.type();
    }

    @Override
    public String id() {
        return key.id();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void schedule(String timer, Duration delay) {
        check(timer);
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("LiveContext.schedule(\"" + timer + "\", " + delay
                    + "): the delay must be zero or positive");
        }
        changes().put(timer, clock.millis() + delay.toMillis());
    }

    @Override
    public void scheduleAt(String timer, Instant at) {
        check(timer);
        long millis;
        try {
            millis = at.toEpochMilli();
        } catch (NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("LiveContext.scheduleAt(\"" + timer + "\", " + at
                    + "): the time must be an Instant within epoch milliseconds, like context.now().plusSeconds(60)");
        }
        // a past time is due now: stored as now, it fires at once and never looks like CANCELLED (-1)
        changes().put(timer, Math.max(millis, clock.millis()));
    }

    @Override
    public void cancel(String timer) {
        check(timer);
        changes().put(timer, CANCELLED);
    }

    @Override
    public Optional<Instant> dueAt(String timer) {
        check(timer);
        Long at = changes().containsKey(timer) ? changes().get(timer) : committed.apply(timer);
        return at == null || at == CANCELLED ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /**
     * @param committed when each timer is due as last committed (epoch milliseconds), or {@code null}
     *     when it is not pending; read from within turns
     */
    public void committedTimers(Function<String, Long> committed) {
        this.committed = committed;
    }

    @Override
    public PresenceBook presence() {
        return presence;
    }

    long millis() {
        return clock.millis();
    }

    void beginTurn() {
        turnChanges = new LinkedHashMap<>();
    }

    /** @return the timer changes of the turn that just ended (empty if none) */
    Map<String, Long> endTurn() {
        Map<String, Long> changes = turnChanges;
        turnChanges = null;
        return changes == null ? Map.of() : changes;
    }

    private Map<String, Long> changes() {
        if (turnChanges == null) {
            throw new IllegalStateException("LiveContext of " + key + " used outside a turn: schedule and cancel"
                    + " timers from an action, a hook or a timer method");
        }
        return turnChanges;
    }

    private void check(String timer) {
        if (!timerNames.contains(timer)) {
            throw new IllegalArgumentException(key.type() + " has no @OnTimer method named '" + timer + "'; "
                    + (timerNames.isEmpty() ? "it has no timers" : "its timers are: " + String.join(", ", timerNames)));
        }
    }
}
