package dev.tandem.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked state machine of a live-object type with a {@code @State} field, generated at compile
 * time. States are the enum's constants, addressed by ordinal; each {@link Rule} says from which
 * states an action or timer may run and to which it may lead. Subclasses (generated) read the
 * field and run the {@code @OnEnter}/{@code @OnExit} hooks without reflection.
 *
 * @param <T> the live-object class
 */
public abstract class StateMachine<T> {

    /**
     * One {@code @Transition}.
     *
     * @param name the action's or timer's name
     * @param from by ordinal: whether it may run in that state
     * @param to by ordinal: whether it may leave the field in that state
     */
    public record Rule(String name, boolean[] from, boolean[] to) {
    }

    /**
     * One timed transition: a timer scheduled on entering any of {@code from}, cancelled on leaving them.
     *
     * @param timer the {@code @OnTimer} method's name
     * @param from by ordinal: the states that keep it scheduled
     * @param after the delay; for a placeholder, its default ({@code null} when it has none)
     * @param key for {@code @After("${key:default}")}, the configuration key the runtime reads at start;
     *     {@code null} for a fixed delay
     */
    public record Timed(String timer, boolean[] from, Duration after, String key) {

        /**
         * A fixed delay.
         *
         * @param timer the {@code @OnTimer} method's name
         * @param from by ordinal: the states that keep it scheduled
         * @param after the delay
         */
        public Timed(String timer, boolean[] from, Duration after) {
            this(timer, from, after, null);
        }

        /**
         * @param delay the effective delay
         * @return this timed transition with that fixed delay
         */
        public Timed withDelay(Duration delay) {
            return new Timed(timer, from, delay, null);
        }
    }

    private final String field;
    private final List<String> states;
    private final int initial;
    private final Map<String, Rule> actions = new HashMap<>();
    private final Map<String, Rule> timers = new HashMap<>();
    private final List<Timed> timed;
    private final String[][] allowed;

    /**
     * @param field the {@code @State} field's name
     * @param states the enum's constant names, in declaration order
     * @param initial the initial state's ordinal
     * @param actionRules the {@code @Transition}s of actions, in the class's declaration order
     * @param free the actions without {@code @Transition}, in declaration order
     * @param timerRules the {@code @Transition}s of timers
     * @param timed the timed transitions
     */
    protected StateMachine(String field, List<String> states, int initial, List<Rule> actionRules, List<String> free,
            List<Rule> timerRules, List<Timed> timed) {
        this.field = field;
        this.states = List.copyOf(states);
        this.initial = initial;
        this.timed = List.copyOf(timed);
        actionRules.forEach(r -> actions.put(r.name(), r));
        timerRules.forEach(r -> timers.put(r.name(), r));
        this.allowed = new String[states.size()][];
        for (int s = 0; s < states.size(); s++) {
            List<String> names = new ArrayList<>();
            for (Rule r : actionRules) {
                if (r.from()[s]) {
                    names.add(r.name());
                }
            }
            names.addAll(free);
            allowed[s] = names.toArray(String[]::new);
        }
    }

    /**
     * @param target the instance
     * @return the ordinal of the state its field holds
     * @throws NullPointerException if the field is {@code null}
     */
    public abstract int state(T target);

    /**
     * Runs the {@code @OnExit} hooks of a state.
     *
     * @param target the instance
     * @param state the ordinal of the state left
     * @throws Exception whatever a hook throws
     */
    public void onExit(T target, int state) throws Exception {
    }

    /**
     * Runs the {@code @OnEnter} hooks of a state.
     *
     * @param target the instance
     * @param state the ordinal of the state entered
     * @throws Exception whatever a hook throws
     */
    public void onEnter(T target, int state) throws Exception {
    }

    /** @return the {@code @State} field's name */
    public String field() {
        return field;
    }

    /** @return the state names, in the enum's declaration order */
    public List<String> states() {
        return states;
    }

    /** @return the initial state's ordinal */
    public int initial() {
        return initial;
    }

    /**
     * @param action an action's name
     * @return its rule, or {@code null} for a free action
     */
    public Rule action(String action) {
        return actions.get(action);
    }

    /**
     * @param timer a timer's name
     * @return its rule, or {@code null} when it has no {@code @Transition}
     */
    public Rule timer(String timer) {
        return timers.get(timer);
    }

    /** @return the timed transitions */
    public List<Timed> timed() {
        return timed;
    }

    /**
     * @param state a state's ordinal
     * @return the actions allowed in it: those whose {@code from} holds it, then the free ones
     */
    public List<String> allowed(int state) {
        return List.of(allowed[state]);
    }
}
