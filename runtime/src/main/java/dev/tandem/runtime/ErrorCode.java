package dev.tandem.runtime;

/**
 * The stable error codes of the protocol, each with its HTTP status. Clients switch on the code;
 * the message is for people.
 */
public enum ErrorCode {
    /** The type, or the page, does not exist. */
    NOT_FOUND("not_found", 404),
    /** The type has no such action. */
    UNKNOWN_ACTION("unknown_action", 404),
    /** The arguments do not fit the action's parameters. */
    BAD_ARGUMENTS("bad_arguments", 400),
    /** The request itself is malformed: not JSON, a bad instance ID, an unknown message type. */
    BAD_REQUEST("bad_request", 400),
    /** The action threw {@code ActionRejected}; the message is meant for the end user. */
    REJECTED("rejected", 409),
    /**
     * The action's {@code @Transition} does not start in the current state; the error carries
     * {@code state} and {@code allowed} (the actions allowed in it).
     */
    INVALID_TRANSITION("invalid_transition", 409),
    /** The caller may not do this. */
    FORBIDDEN("forbidden", 403),
    /** An HTTP call's body is not declared {@code Content-Type: application/json}. */
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    /** The message is larger than {@code tandem.limits.max-message-size}. */
    TOO_LARGE("too_large", 413),
    /** The connection sends faster than {@code tandem.limits.calls-per-second}. */
    RATE_LIMITED("rate_limited", 429),
    /** The call waited longer than {@code tandem.limits.call-timeout} for its turn and did not run. */
    TIMEOUT("timeout", 504),
    /** The instance can't take the call now (storage failed, server at capacity, shutting down); retry. */
    UNAVAILABLE("unavailable", 503),
    /** Something failed on the server; details are in the server log only. */
    INTERNAL("internal", 500);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** @return the code on the wire, for example {@code "rejected"} */
    public String code() {
        return code;
    }

    /** @return the HTTP status that goes with it */
    public int status() {
        return status;
    }
}
