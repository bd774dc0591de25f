package dev.tandem.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failed call or request, with a protocol {@link ErrorCode} and a message that says what was wrong
 * and what is allowed.
 */
public class LiveObjectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient ObjectNode details;

    /**
     * @param code the error code
     * @param message what was wrong and what is allowed
     */
    public LiveObjectException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param code the error code
     * @param message what was wrong and what is allowed
     * @param details data beyond code and message, sent as further members of the error, or {@code null};
     *     for {@code invalid_transition}: {@code {"state": "PENDING", "allowed": ["pay", "cancel"]}}
     */
    public LiveObjectException(ErrorCode code, String message, ObjectNode details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    /** @return data beyond code and message, or {@code null} */
    public ObjectNode details() {
        return details;
    }

    /** @return the error code */
    public ErrorCode code() {
        return code;
    }
}
