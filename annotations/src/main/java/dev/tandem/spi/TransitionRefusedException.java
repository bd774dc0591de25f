package dev.tandem.spi;

import java.util.List;

/**
 * A call (or timer) whose {@code @Transition} does not start in the current state; thrown before
 * the body runs, so nothing changed. The server answers it with {@code invalid_transition}; the Java
 * client's counterpart is {@code dev.tandem.client.InvalidTransitionException}.
 */
public final class TransitionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String state;
    private final List<String> allowed;

    /**
     * @param state the current state's name
     * @param action the action (or timer) that was called
     * @param allowed the actions allowed in {@code state}
     */
    public TransitionRefusedException(String state, String action, List<String> allowed) {
        super("state \"" + state + "\" does not handle \"" + action + "\"; allowed: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)), null, false, false);
        this.state = state;
        this.allowed = List.copyOf(allowed);
    }

    /** @return the current state's name */
    public String state() {
        return state;
    }

    /** @return the actions allowed in the current state, in the machine's order */
    public List<String> allowed() {
        return allowed;
    }
}
