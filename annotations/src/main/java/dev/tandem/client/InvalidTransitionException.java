package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A call the server refused because the instance's state machine does not handle that action in
 * its current state (code {@code invalid_transition}); nothing ran. The server decides: clients
 * never pre-check, since their state may be stale while earlier calls are in flight.
 *
 * <pre>{@code
 * order.actions().deliver().exceptionally(e -> {
 *     if (e.getCause() instanceof InvalidTransitionException t) {
 *         System.out.println(t.state() + " allows " + t.allowed()); // PENDING allows [pay, cancel]
 *     }
 *     return null;
 * });
 * }</pre>
 */
public final class InvalidTransitionException extends CallFailedException {

    private static final long serialVersionUID = 1L;

    private final String state;
    private final List<String> allowed;

    /**
     * @param message the server's message, like {@code state "PENDING" does not handle "deliver"; allowed: pay, cancel}
     * @param state the instance's state when the server refused
     * @param allowed the actions that state handles
     */
    public InvalidTransitionException(String message, String state, List<String> allowed) {
        super("invalid_transition", message);
        this.state = state;
        this.allowed = List.copyOf(allowed);
    }

    /** @return the instance's state on the server when it refused */
    public String state() {
        return state;
    }

    /** @return the actions that state handles, in the machine's order */
    public List<String> allowed() {
        return allowed;
    }

    /** The exception an {@code error} frame stands for: this one for its code, else a plain one. */
    static CallFailedException fromFrame(JsonNode m) {
        String code = m.path("code").asText();
        String message = m.path("message").asText();
        if (!code.equals("invalid_transition")) {
            return new CallFailedException(code, message);
        }
        List<String> allowed = new ArrayList<>();
        m.path("allowed").forEach(a -> allowed.add(a.asText()));
        return new InvalidTransitionException(message, m.path("state").asText(), allowed);
    }
}
