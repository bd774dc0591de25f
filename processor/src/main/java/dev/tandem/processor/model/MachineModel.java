package dev.tandem.processor.model;

import java.util.List;
import java.util.Map;

/**
 * The state machine of a live object: its {@code @State} field and the {@code @Transition}s,
 * {@code @OnEnter}/{@code @OnExit} hooks and timed transitions around it. State lists are names in
 * the enum's declaration order.
 *
 * @param field the {@code @State} field's name
 * @param states the enum's constant names, in declaration order
 * @param initial the initial state
 * @param terminal the states declared terminal, in enum order
 * @param transitions the actions' transitions, in the class's declaration order
 * @param free the actions without {@code @Transition}, in declaration order
 * @param timed the timers' transitions, in declaration order
 * @param onEnter per state, the methods to run on entering it, in declaration order
 * @param onExit per state, the methods to run on leaving it, in declaration order
 */
public record MachineModel(String field, List<String> states, String initial, List<String> terminal,
        List<TransitionModel> transitions, List<String> free, List<TransitionModel> timed,
        Map<String, List<String>> onEnter, Map<String, List<String>> onExit) {

    /** Copies the collections. */
    public MachineModel {
        states = List.copyOf(states);
        terminal = List.copyOf(terminal);
        transitions = List.copyOf(transitions);
        free = List.copyOf(free);
        timed = List.copyOf(timed);
        onEnter = Map.copyOf(onEnter);
        onExit = Map.copyOf(onExit);
    }
}
