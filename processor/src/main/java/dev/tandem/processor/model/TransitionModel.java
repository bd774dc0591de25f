package dev.tandem.processor.model;

import java.util.List;

/**
 * One {@code @Transition}, with {@code "*"} expanded.
 *
 * @param method the action's or timer's name
 * @param from the states it may run in, in enum order
 * @param to the states it may lead to, in enum order
 * @param after for a timed transition, its ISO-8601 delay, or a placeholder as written
 *     ({@code "${payment.expiry:PT2M}"}); else {@code null}
 */
public record TransitionModel(String method, List<String> from, List<String> to, String after) {

    /** Copies the lists. */
    public TransitionModel {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    /** @return the configuration key of a placeholder {@link #after}, else {@code null} */
    public String afterKey() {
        if (after == null || !after.startsWith("${")) {
            return null;
        }
        String inner = after.substring(2, after.length() - 1);
        int colon = inner.indexOf(':');
        return colon < 0 ? inner : inner.substring(0, colon);
    }

    /** @return the delay: {@link #after} itself, a placeholder's default, or {@code null} when it has none */
    public String afterDefault() {
        if (after == null || !after.startsWith("${")) {
            return after;
        }
        int colon = after.indexOf(':');
        return colon < 0 ? null : after.substring(colon + 1, after.length() - 1);
    }
}
