package dev.tandem.codegen.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A live object's state machine, as the model document's {@code machine} key describes it
 * (format in {@code docs/MODEL.md}).
 *
 * @param field the name of the {@code @State} field
 * @param states the states, in enum declaration order
 * @param initial the initial state
 * @param terminal the states declared terminal
 * @param transitions the guarded actions, in declaration order, {@code from} expanded
 * @param free the actions allowed in every state, in declaration order
 * @param diagram the Mermaid {@code stateDiagram-v2}, or an empty string
 */
public record MachineModel(String field, List<String> states, String initial, List<String> terminal,
        List<Transition> transitions, List<String> free, String diagram) {

    /** Copies the lists. */
    public MachineModel {
        states = List.copyOf(states);
        terminal = List.copyOf(terminal);
        transitions = List.copyOf(transitions);
        free = List.copyOf(free);
    }

    /**
     * An action guarded by the states it may start from.
     *
     * @param action the action's name
     * @param from the states it is allowed in
     * @param to the states its body may leave the machine in
     */
    public record Transition(String action, List<String> from, List<String> to) {

        /** Copies the lists. */
        public Transition {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }
    }

    /**
     * The contract's rule, shared by the server and every client: the transitions whose {@code from}
     * holds the state, in order, then every free action.
     *
     * @param state a state's name
     * @return the actions allowed in it
     */
    public List<String> allowed(String state) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Transition t : transitions) {
            if (t.from().contains(state)) {
                allowed.add(t.action());
            }
        }
        allowed.addAll(free);
        return new ArrayList<>(allowed);
    }
}
