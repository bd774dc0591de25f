package dev.tandem.runtime;

/**
 * A failed call or request, with a protocol {@link ErrorCode} and a message that says what was wrong
 * and what is allowed.
 */
public class LiveObjectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code the error code
     * @param message what was wrong and what is allowed
     */
    public LiveObjectException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** @return the error code */
    public ErrorCode code() {
        return code;
    }
}
