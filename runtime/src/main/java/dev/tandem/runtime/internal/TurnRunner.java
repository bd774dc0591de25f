package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.spi.BadArgumentsException;
import dev.tandem.spi.FieldDescriptor;
import dev.tandem.spi.StateAccess;
import dev.tandem.spi.StateMachine;
import dev.tandem.spi.UnknownActionException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal API (used by the test kit too). Runs turns on one live object and keeps its last
 * committed field values. After a turn it finds what each field changed, as JSON Patch operations,
 * and commits; if the turn threw (or left a field unreadable), it puts the committed values back
 * instead. How a field's changes are found depends on its type ({@link FieldTracker}): lists and
 * maps of immutable values are replaced, while the object is active, by collections that record
 * what each turn touches, scalars and immutable values are compared by reference or equality, and
 * anything else is read into JSON and diffed as a whole; the operations are the same either way.
 * {@code @ServerOnly} fields are compared, stored and rolled back like the others, but their
 * changes never enter the patch: what is stored and what clients see are two views of one state.
 *
 * @param <T> the live-object class
 */
public final class TurnRunner<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TurnRunner.class);

    /** The code of one turn. */
    @FunctionalInterface
    public interface Body<T> {
        /** @return the turn's encoded result, or {@code null} */
        JsonNode run(T target) throws Exception;
    }

    /**
     * How a turn ended.
     *
     * @param value the encoded result (on success)
     * @param failure what it threw, or {@code null}
     * @param ops the patch clients see, or {@code null} if no field changed; empty when only
     *     {@code @ServerOnly} fields changed
     * @param storedChanged whether a stored field changed
     * @param timerChanges the timers it scheduled or cancelled
     * @param storedOps the patch of the stored state (every stored field, {@code @ServerOnly} ones
     *     included, none kept out of storage), or {@code null} if no stored field changed: what the
     *     storage log keeps
     */
    public record Result(JsonNode value, Throwable failure, ArrayNode ops, boolean storedChanged,
            Map<String, Long> timerChanges, ArrayNode storedOps) {
        /** @return whether the turn committed */
        public boolean ok() {
            return failure == null;
        }
    }

    private final T target;
    private final StateAccess<T> state;
    private final List<FieldDescriptor> fields;
    private final List<FieldTracker<T>> trackers;
    private final InstanceContext context;
    private final Transitions<T> machine;

    /**
     * @param target the live object
     * @param state its generated state access
     * @param context its context, which collects each turn's timer changes
     */
    public TurnRunner(T target, StateAccess<T> state, InstanceContext context) {
        this(target, state, context, null);
    }

    /**
     * @param target the live object
     * @param state its generated state access
     * @param context its context, which collects each turn's timer changes
     * @param machine its state machine, or {@code null} when it has no {@code @State}; its timed
     *     transitions must have fixed delays (no placeholders)
     */
    public TurnRunner(T target, StateAccess<T> state, InstanceContext context, StateMachine<T> machine) {
        this(target, state, context, machine, machine == null ? List.of() : machine.timed());
    }

    /**
     * @param target the live object
     * @param state its generated state access
     * @param context its context, which collects each turn's timer changes
     * @param machine its state machine, or {@code null} when it has no {@code @State}
     * @param timed its timed transitions with their effective delays ({@link TimedDelays#resolve})
     */
    public TurnRunner(T target, StateAccess<T> state, InstanceContext context, StateMachine<T> machine,
            List<StateMachine.Timed> timed) {
        this(target, state, context, machine, timed, true);
    }

    /**
     * @param target the live object
     * @param state its generated state access
     * @param context its context, which collects each turn's timer changes
     * @param machine its state machine, or {@code null} when it has no {@code @State}
     * @param timed its timed transitions with their effective delays ({@link TimedDelays#resolve})
     * @param track whether to track changes by field type; {@code false} reads every field into JSON
     *     and diffs it after every turn ({@code tandem.track-changes})
     */
    public TurnRunner(T target, StateAccess<T> state, InstanceContext context, StateMachine<T> machine,
            List<StateMachine.Timed> timed, boolean track) {
        this.machine = machine == null ? null : new Transitions<>(machine, timed, context);
        this.target = target;
        this.state = state;
        this.fields = state.fields();
        this.context = context;
        this.trackers = FieldTracker.all(state, target, track);
    }

    /** @return the live object, for checks that run between turns and only read it */
    public T target() {
        return target;
    }

    /**
     * @param body the turn's code
     * @return how it ended; on failure every field is back at its committed value
     */
    public Result run(Body<T> body) {
        return run(null, null, body);
    }

    /**
     * Runs an action's turn: with a state machine, its {@code @Transition} is checked first (a
     * refusal changes nothing and runs nothing), and the state change it makes is checked,
     * hooked and timed after.
     *
     * @param action the action's name
     * @param body the turn's code
     * @return how it ended
     */
    public Result runAction(String action, Body<T> body) {
        return run(machine == null ? null : machine.machine().action(action), action, body);
    }

    /**
     * Runs a timer's turn, checked like {@link #runAction}.
     *
     * @param timer the timer's name
     * @param body the turn's code
     * @return how it ended
     */
    public Result runTimer(String timer, Body<T> body) {
        return run(machine == null ? null : machine.machine().timer(timer), timer, body);
    }

    /**
     * Runs the creation turn of a new instance: checks that the state field holds the initial state,
     * enters it (hooks, timed transitions), then runs {@code onCreate} if given.
     *
     * @param onCreate the {@code @OnCreate} call, or {@code null}
     * @return how it ended
     */
    public Result runCreate(Body<T> onCreate) {
        return run(null, "@OnCreate", o -> {
            if (machine != null) {
                machine.enterInitial(o);
            }
            return onCreate == null ? null : onCreate.run(o);
        });
    }

    private Result run(StateMachine.Rule rule, String name, Body<T> body) {
        int before = -1;
        if (machine != null) {
            try {
                before = machine.check(target, rule, name);
            } catch (RuntimeException e) {
                return new Result(null, e, null, false, Map.of(), null); // refused before the body: nothing ran
            }
        }
        context.beginTurn();
        JsonNode value;
        try {
            value = body.run(target);
            if (machine != null) {
                machine.afterBody(target, rule, name, before);
            }
        } catch (BadArgumentsException | UnknownActionException e) {
            context.endTurn();
            return new Result(null, e, null, false, Map.of(), null); // thrown before the action ran
        } catch (Throwable e) {
            context.endTurn();
            rollback();
            return new Result(null, e, null, false, Map.of(), null);
        }
        Map<String, Long> timerChanges = context.endTurn();
        ArrayNode ops = null;
        ArrayNode storedOps = null;
        boolean storedChanged = false;
        try {
            ArrayNode fieldOps = Frames.JSON.createArrayNode();
            for (int i = 0; i < trackers.size(); i++) {
                if (!trackers.get(i).diff(target, fieldOps)) {
                    continue;
                }
                if (ops == null) {
                    ops = Frames.JSON.createArrayNode();
                }
                FieldDescriptor field = fields.get(i);
                if (field.stored() && storedOps == null) {
                    storedOps = Frames.JSON.createArrayNode();
                }
                if (!field.serverOnly()) {
                    ops.addAll(fieldOps);
                }
                if (field.stored()) {
                    storedOps.addAll(fieldOps); // the same operations: diffed once
                }
                storedChanged |= field.stored();
                fieldOps.removeAll();
            }
        } catch (Throwable e) {
            rollback();
            return new Result(null, e, null, false, Map.of(), null);
        }
        for (FieldTracker<T> t : trackers) {
            t.accept(target);
        }
        return new Result(value, null, ops, storedChanged, timerChanges, storedOps);
    }

    /**
     * Computes a {@code @View} of the committed state for one viewer. Call it between turns only.
     *
     * @param view the view's index in {@link StateAccess#views()}
     * @param viewer who looks
     * @return the view's value, a new tree
     */
    public JsonNode view(int view, dev.tandem.Caller viewer) {
        return state.view(target, view, viewer);
    }

    /** @return the names of the {@code @View}s, indexes of {@link #view} */
    public List<String> views() {
        return state.views();
    }

    private void rollback() {
        for (FieldTracker<T> t : trackers) {
            try {
                t.rollback(target);
            } catch (RuntimeException e) {
                LOG.error("Restoring {} after a failed turn failed; the instance may be inconsistent", t.path, e);
            }
        }
    }

    /**
     * @param stored {@code true} for what is stored (every stored field, server-only ones included),
     *     {@code false} for what clients see (every field but the server-only ones)
     * @return the committed state; its values are shared and must not be modified
     */
    public ObjectNode snapshot(boolean stored) {
        ObjectNode tree = Frames.JSON.createObjectNode();
        for (int i = 0; i < trackers.size(); i++) {
            if (stored ? fields.get(i).stored() : !fields.get(i).serverOnly()) {
                tree.set(fields.get(i).name(), trackers.get(i).committed(target));
            }
        }
        return tree;
    }
}
