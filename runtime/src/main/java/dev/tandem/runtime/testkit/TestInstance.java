package dev.tandem.runtime.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.Caller;
import dev.tandem.Connection;
import dev.tandem.LiveContext;
import dev.tandem.Presence;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.internal.Access;
import dev.tandem.runtime.internal.InstanceContext;
import dev.tandem.runtime.internal.InstanceKey;
import dev.tandem.runtime.internal.PresenceBook;
import dev.tandem.runtime.internal.TimerRetries;
import dev.tandem.runtime.internal.TurnRunner;
import dev.tandem.spi.Dependencies;
import dev.tandem.spi.LiveObjectDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One live-object instance under test. Every method that runs code runs it as a turn; a turn that
 * throws is rolled back and its exception rethrown.
 *
 * @param <T> the live-object class
 */
public final class TestInstance<T> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveObjectDefinition<T> definition;
    private final ManualClock clock;
    private final T object;
    private final TurnRunner<T> turns;
    private final Access<T> access;
    private final PresenceBook presence;
    private final List<ArrayNode> patches = new ArrayList<>();
    private final Map<String, Long> timers = new TreeMap<>();
    private final Map<String, Integer> failedRuns = new TreeMap<>();
    private final List<Throwable> timerFailures = new ArrayList<>();
    private final TimerRetries retries;
    private final InstanceKey key;
    private long revision = 1;

    TestInstance(LiveObjectDefinition<T> definition, String id, Map<Class<?>, Object> beans, ManualClock clock,
            boolean denyByDefault, List<dev.tandem.spi.StateMachine.Timed> timed, TimerRetries retries)
            throws Exception {
        this(definition, id, beans, clock, denyByDefault, timed, retries, null);
    }

    /** @param stored the stored fields to load, at the class's version, or {@code null} to create the instance */
    TestInstance(LiveObjectDefinition<T> definition, String id, Map<Class<?>, Object> beans, ManualClock clock,
            boolean denyByDefault, List<dev.tandem.spi.StateMachine.Timed> timed, TimerRetries retries,
            ObjectNode stored) throws Exception {
        this.definition = definition;
        this.retries = retries;
        this.key = new InstanceKey(definition.typeName(), id);
        this.clock = clock;
        InstanceContext context = new InstanceContext(new InstanceKey(definition.typeName(), id), clock,
                definition.timers());
        this.object = definition.create(new Dependencies() {
            @Override
            public <D> D bean(Class<D> type) {
                Object bean = beans.get(type);
                if (bean == null) {
                    throw new IllegalStateException(definition.typeName() + " takes a " + type.getName()
                            + " in its constructor: give the kit one with withBean(" + type.getSimpleName() + ".class, ...)");
                }
                return type.cast(bean);
            }

            @Override
            public LiveContext context() {
                return context;
            }
        });
        context.committedTimers(timers::get);
        this.presence = context.presence();
        if (stored != null) {
            definition.state().restore(object, stored);
        }
        this.turns = new TurnRunner<>(object, definition.state(), context, definition.machine(), timed);
        this.access = new Access<>(definition, new InstanceKey(definition.typeName(), id), denyByDefault);
        if (stored == null && (definition.hasOnCreate() || definition.machine() != null)) {
            apply(turns.runCreate(definition.hasOnCreate() ? o -> {
                definition.onCreate(o);
                return null;
            } : null));
        }
        patches.clear();
        revision = 1; // as on the server: a new instance, @OnCreate included, is revision 1
    }

    /** @return the live object itself, to look at its fields */
    public T object() {
        return object;
    }

    /** @return the state as clients see it, without views: every field but the {@code @ServerOnly} ones */
    public ObjectNode state() {
        return turns.snapshot(false).deepCopy();
    }

    /**
     * The state one viewer sees: the fields clients see and that viewer's own {@code @View}s.
     *
     * <pre>{@code
     * assertEquals("[\"A♠\"]", table.state(TestCaller.user("ada")).get("hand").toString());
     * }</pre>
     *
     * <p>Views must be read-only; here (unlike on the server, where it would cost a read of every
     * field per viewer) a view that changes a field is caught.
     *
     * @param viewer who looks
     * @return a new tree
     * @throws IllegalStateException if a view changed a field
     */
    public ObjectNode state(Caller viewer) {
        ObjectNode state = state();
        List<String> views = turns.views();
        for (int i = 0; i < views.size(); i++) {
            ObjectNode before = definition.state().snapshot(object, false);
            state.set(views.get(i), turns.view(i, viewer));
            if (!before.equals(definition.state().snapshot(object, false))) {
                throw new IllegalStateException("@View '" + views.get(i) + "' of " + definition.typeName()
                        + " changed the state; a view must be read-only: compute its value without assigning fields");
            }
        }
        return state;
    }

    /** @return the state as it would be stored: without the fields kept out of storage */
    public ObjectNode storedState() {
        return turns.snapshot(true).deepCopy();
    }

    /**
     * The state machine's current state, as clients see it.
     *
     * <pre>{@code
     * order.call(ada, "pay", "p-1");
     * assertEquals("PROCESSING", order.machineState());
     * assertEquals(List.of("cancel", "ship"), order.allowed());
     * }</pre>
     *
     * @return the name of the state the {@code @State} field holds
     * @throws IllegalStateException if the class has no {@code @State}
     */
    public String machineState() {
        return machine().states().get(machine().state(object));
    }

    /** @return the actions allowed in the current state, in the order clients compute them */
    public List<String> allowed() {
        return machine().allowed(machine().state(object));
    }

    private dev.tandem.spi.StateMachine<T> machine() {
        if (definition.machine() == null) {
            throw new IllegalStateException(definition.typeName() + " has no @State field, so no state machine");
        }
        return definition.machine();
    }

    /** @return the revision: 1 after creation, one more per turn that changed something */
    public long revision() {
        return revision;
    }

    /** @return every patch since creation, in order */
    public List<ArrayNode> patches() {
        return Collections.unmodifiableList(patches);
    }

    /** @return the patch of the last turn that changed something, or {@code null} */
    public ArrayNode lastPatch() {
        return patches.isEmpty() ? null : patches.get(patches.size() - 1);
    }

    /** @return the pending timers and when they are due */
    public Map<String, Instant> timers() {
        Map<String, Instant> due = new TreeMap<>();
        timers.forEach((name, at) -> due.put(name, Instant.ofEpochMilli(at)));
        return due;
    }

    /**
     * Calls an action as {@code caller}; arguments are Java values, encoded to JSON as a client
     * would send them.
     *
     * @param caller who calls
     * @param action the action's name
     * @param arguments its arguments, by position
     * @return its encoded result (JSON null for {@code void})
     * @throws Exception what the action threw (after the rollback), or a {@code BadArgumentsException}, or an
     *     {@code TransitionRefusedException} when its {@code @Transition} does not start in the current state
     *     (then nothing ran)
     * @throws LiveObjectException {@code forbidden} when {@code @Secured} or {@code @AllowWrite} refuses
     *     the caller (then nothing ran)
     */
    public JsonNode call(Caller caller, String action, Object... arguments) throws Exception {
        LiveObjectException refused = access.refuseWrite(object, caller, action);
        if (refused != null) {
            throw refused;
        }
        ArrayNode args = JSON.valueToTree(arguments);
        JsonNode result = apply(turns.runAction(action, o -> definition.actions().invoke(o, action, args, caller)));
        return result == null ? JSON.nullNode() : result;
    }

    /**
     * Reads the state as a client would over HTTP: {@code @AllowRead} (and a class-level
     * {@code @Secured}) decide.
     *
     * @param caller who reads
     * @return the state as clients see it
     * @throws LiveObjectException {@code forbidden} when the caller may not read
     */
    public ObjectNode read(Caller caller) {
        LiveObjectException refused = access.refuseRead(object, caller);
        if (refused != null) {
            throw refused;
        }
        return state();
    }

    /**
     * A client connecting: {@code @AllowRead} decides first, as on the server, then {@code @OnConnect}
     * runs, and {@code @OnJoin} in the same turn when it is the user's first connection. Two tabs
     * of one user are two connections with one user ID:
     *
     * <pre>{@code
     * TestCaller ada = TestCaller.user("ada");
     * quiz.connect(ada);
     * quiz.connect(ada.tab(2));         // same user, second tab: @OnConnect runs, @OnJoin does not
     * assertEquals(1, quiz.presence().userCount());
     * }</pre>
     *
     * @param connection the client
     * @throws LiveObjectException {@code forbidden} when the client may not read (then no hook ran)
     * @throws IllegalStateException if a connection with that connection ID is already connected
     * @throws Exception what {@code @OnConnect} or {@code @OnJoin} threw (then the connection was
     *     refused: neither hook's changes are kept and presence is unchanged)
     */
    public void connect(Connection connection) throws Exception {
        if (presence.contains(connection.connectionId())) {
            throw new IllegalStateException("connection '" + connection.connectionId() + "' of user '"
                    + connection.userId() + "' is already connected to " + definition.typeName() + "; for a second"
                    + " tab of the same user give it its own connection ID, for example with TestCaller.tab(2)");
        }
        read(connection);
        boolean join = presence.add(connection) && definition.hasOnJoin();
        try {
            turn(o -> {
                definition.onConnect(o, connection);
                if (join) {
                    definition.onJoin(o, connection);
                }
                return null;
            });
        } catch (Exception | Error e) {
            presence.remove(connection);
            throw e;
        }
    }

    /**
     * A client leaving: {@code @OnDisconnect} runs, then, when it was the user's last connection,
     * {@code @OnLeave} as a turn of its own. As on the server both run even if the other threw; the
     * first failure is rethrown after both ran.
     *
     * @param connection a connected client
     * @throws IllegalStateException if it is not connected
     * @throws Exception what {@code @OnDisconnect} or {@code @OnLeave} threw (that turn rolled back)
     */
    public void disconnect(Connection connection) throws Exception {
        if (!presence.contains(connection.connectionId())) {
            throw new IllegalStateException("connection '" + connection.connectionId() + "' of user '"
                    + connection.userId() + "' is not connected to " + definition.typeName() + ": connect it first");
        }
        boolean leave = presence.remove(connection) && definition.hasOnLeave();
        Exception failed = null;
        try {
            turn(o -> {
                definition.onDisconnect(o, connection);
                return null;
            });
        } catch (Exception e) {
            failed = e;
        }
        if (leave) {
            try {
                turn(o -> {
                    definition.onLeave(o, connection);
                    return null;
                });
            } catch (Exception e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Who is connected, as {@link dev.tandem.LiveContext#presence()} shows it to the object.
     *
     * @return the instance's presence
     */
    public Presence presence() {
        return presence;
    }

    /**
     * Every failure of a timer's run, in order: what its method threw (the run was rolled back). As on
     * the server, a failed timer is not thrown at the test: it runs again by the retry policy
     * ({@code tandem.timers.retry.*}, see {@code LiveObjectTestKit.withProperty}) until it has run
     * {@code max-attempts} times; an {@code ActionRejected} is not retried.
     *
     * <pre>{@code
     * payout.advance(Duration.ofMinutes(1));          // fails, runs again after 1s and 3s in all, then succeeds
     * assertEquals(2, payout.timerFailures().size());
     * }</pre>
     *
     * @return the failures so far
     */
    public List<Throwable> timerFailures() {
        return Collections.unmodifiableList(timerFailures);
    }

    /**
     * Moves the kit's clock forward and runs the timers that become due, in order of due time.
     * Timers run only here: one scheduled for now or a past time ({@code LiveContext.scheduleAt}),
     * which the server runs at once, runs on the next call, {@code advance(Duration.ZERO)} included.
     * A timer whose method throws is rolled back and re-armed by the retry policy, which may run it
     * again within the same advance; see {@link #timerFailures()}.
     *
     * @param by how far
     * @throws Exception never for a timer's own failure; only if the kit itself fails
     */
    public void advance(java.time.Duration by) throws Exception {
        clock.advance(by);
        while (true) {
            String next = null;
            for (Map.Entry<String, Long> t : timers.entrySet()) {
                if (t.getValue() <= clock.millis() && (next == null || t.getValue() < timers.get(next))) {
                    next = t.getKey();
                }
            }
            if (next == null) {
                return;
            }
            String timer = next;
            long dueAt = timers.remove(timer);
            Integer failedBefore = failedRuns.remove(timer);
            int runs = failedBefore == null ? 1 : failedBefore + 1;
            TurnRunner.Result result = turns.runTimer(timer, o -> {
                definition.onTimer(o, timer);
                return null;
            });
            if (result.ok()) {
                apply(result);
                continue;
            }
            timerFailures.add(result.failure());
            // the backoff counts from when the run was due: one advance may cover several retries
            long again = retries.next(key, timer, runs, result.failure(), dueAt);
            if (again != TimerRetries.DROP) {
                timers.put(timer, again);
                failedRuns.put(timer, runs);
            }
        }
    }

    private JsonNode turn(TurnRunner.Body<T> body) throws Exception {
        return apply(turns.run(body));
    }

    private JsonNode apply(TurnRunner.Result result) throws Exception {
        if (!result.ok()) {
            if (result.failure() instanceof Exception e) {
                throw e;
            }
            throw (Error) result.failure();
        }
        result.timerChanges().forEach((name, at) -> {
            failedRuns.remove(name); // scheduled anew or cancelled: a fresh count
            if (at == InstanceContext.CANCELLED) {
                timers.remove(name);
            } else {
                timers.put(name, at);
            }
        });
        if (result.ops() != null) {
            revision++;
            patches.add(result.ops());
        }
        return result.value();
    }
}
