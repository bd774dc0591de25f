package dev.tandem.runtime.internal;

import dev.tandem.spi.TransitionRefusedException;
import dev.tandem.spi.StateMachine;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a live object's {@link StateMachine} around a turn: the check before the body (allocation
 * free when it passes), and after it the {@code to} check, the exit and enter hooks and the timed
 * transitions' timers, all inside the turn so that a failure rolls everything back.
 *
 * @param <T> the live-object class
 */
final class Transitions<T> {

    private final StateMachine<T> machine;
    private final List<StateMachine.Timed> timed;
    private final InstanceContext context;

    Transitions(StateMachine<T> machine, List<StateMachine.Timed> timed, InstanceContext context) {
        this.machine = machine;
        for (StateMachine.Timed t : timed) {
            if (t.after() == null || t.key() != null) {
                throw new IllegalArgumentException("timed transition '" + t.timer() + "' has no resolved delay;"
                        + " resolve it with TimedDelays.resolve");
            }
        }
        this.timed = timed;
        this.context = context;
    }

    StateMachine<T> machine() {
        return machine;
    }

    /**
     * @return the current state's ordinal
     * @throws TransitionRefusedException if {@code rule} does not start in it
     */
    int check(T target, StateMachine.Rule rule, String name) {
        int state = current(target);
        if (rule != null && !rule.from()[state]) {
            throw new TransitionRefusedException(machine.states().get(state), name, machine.allowed(state));
        }
        return state;
    }

    /** Enters the initial state of a new instance, after checking that the field holds it. */
    void enterInitial(T target) throws Exception {
        int state = current(target);
        if (state != machine.initial()) {
            throw new IllegalStateException("the @State field '" + machine.field() + "' holds "
                    + machine.states().get(state) + " after construction, but @State(initial = \""
                    + machine.states().get(machine.initial()) + "\") declares the initial state."
                    + " Make its initializer and 'initial' agree");
        }
        for (StateMachine.Timed t : timed) {
            if (t.from()[state]) {
                context.schedule(t.timer(), t.after());
            }
        }
        machine.onEnter(target, state); // after the timers, so it can read their deadlines (dueAt)
        expectUnchanged(target, state, "@OnEnter");
    }

    /** Checks the state the body left, then runs the hooks and moves the timers of a change. */
    void afterBody(T target, StateMachine.Rule rule, String name, int before) throws Exception {
        int after = current(target);
        if (after == before) {
            return;
        }
        if (rule == null) {
            String who = name == null ? "a hook" : "'" + name + "'";
            throw new IllegalStateException(who + " changed the @State field '" + machine.field() + "' from "
                    + machine.states().get(before) + " to " + machine.states().get(after) + ", but only an @Action or"
                    + " @OnTimer with @Transition may change the state (so the allowed actions clients see and the"
                    + " diagram stay true); the turn was rolled back. Make it a @Transition(from = \""
                    + machine.states().get(before) + "\", to = \"" + machine.states().get(after) + "\"), or call one");
        }
        if (!rule.to()[after]) {
            throw new IllegalStateException("'" + name + "' left the @State field '" + machine.field() + "' in "
                    + machine.states().get(after) + " (from " + machine.states().get(before)
                    + "), outside its @Transition(to = " + names(rule.to()) + "); the turn was rolled back."
                    + " Set the field to one of those states, or add " + machine.states().get(after) + " to 'to'");
        }
        machine.onExit(target, before);
        for (StateMachine.Timed t : timed) {
            if (t.from()[before] && !t.from()[after]) {
                context.cancel(t.timer());
            } else if (!t.from()[before] && t.from()[after]) {
                context.schedule(t.timer(), t.after());
            }
        }
        machine.onEnter(target, after); // after the timers, so it can read their deadlines (dueAt)
        expectUnchanged(target, after, "@OnExit/@OnEnter");
    }

    private void expectUnchanged(T target, int state, String hooks) {
        if (current(target) != state) {
            throw new IllegalStateException(hooks + " hooks changed the @State field '" + machine.field() + "' from "
                    + machine.states().get(state) + "; hooks run inside a transition and must not start another."
                    + " Change the state from an action or timer instead");
        }
    }

    private int current(T target) {
        try {
            return machine.state(target);
        } catch (NullPointerException e) {
            throw new IllegalStateException("the @State field '" + machine.field() + "' is null; it must always hold"
                    + " one of " + machine.states(), e);
        }
    }

    private String names(boolean[] set) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                names.add(machine.states().get(i));
            }
        }
        return String.join(", ", names);
    }
}
