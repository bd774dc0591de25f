package dev.tandem.client;

/**
 * A call or connection failed on the server. {@link #code()} is one of the protocol's stable codes
 * ({@code rejected}, {@code invalid_transition}, {@code bad_arguments}, {@code unknown_action}, {@code not_found},
 * {@code forbidden}, {@code too_large}, {@code rate_limited}, {@code timeout}, {@code internal},
 * {@code unavailable}), or the client's own {@code connection_failed} and {@code closed}; for {@code rejected} the message is the one the action's
 * {@code ActionRejected} carried, meant for the end user. For {@code invalid_transition} it is an
 * {@link InvalidTransitionException}, with the state and the allowed actions as data.
 */
public sealed class CallFailedException extends RuntimeException permits InvalidTransitionException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code the error code
     * @param message the server's message
     */
    public CallFailedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the stable error code */
    public String code() {
        return code;
    }
}
