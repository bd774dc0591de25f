package dev.tandem.processor.model;

import java.util.List;

/**
 * One {@code @Transition}, with {@code "*"} expanded.
 *
 * @param method the action's or timer's name
 * @param from the states it may run in, in enum order
 * @param to the states it may lead to, in enum order
 * @param after for a timed transition, its ISO-8601 delay; else {@code null}
 */
public record TransitionModel(String method, List<String> from, List<String> to, String after) {

    /** Copies the lists. */
    public TransitionModel {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
