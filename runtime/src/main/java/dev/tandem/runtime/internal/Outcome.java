package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.ErrorCode;

/**
 * How a call ended: a value at a revision, or an error.
 *
 * @param revision the instance's revision that includes the call's changes
 * @param value the encoded result, or {@code null} on error
 * @param error the error code, or {@code null} on success
 * @param message the error message, or {@code null} on success
 * @param ownPatch the call's encoded patch message when its operations go to the caller's connection
 *     with the answer instead of separately, else {@code null}
 * @param details an error's data beyond code and message (such as {@code state} and {@code allowed}),
 *     or {@code null}
 */
public record Outcome(long revision, JsonNode value, ErrorCode error, String message, byte[] ownPatch,
        ObjectNode details) {

    /**
     * The answer of an instance that was handed over to another server before the call ran: the
     * server the client is connected to sends the call on to the new owner (never reaches a client).
     */
    static final Outcome MOVED = new Outcome(-1, null, ErrorCode.UNAVAILABLE, "the instance moved to another server",
            null, null);

    static Outcome ok(long revision, JsonNode value, byte[] ownPatch) {
        return new Outcome(revision, value, null, null, ownPatch, null);
    }

    static Outcome failed(ErrorCode error, String message) {
        return new Outcome(-1, null, error, message, null, null);
    }

    static Outcome failed(ErrorCode error, String message, ObjectNode details) {
        return new Outcome(-1, null, error, message, null, details);
    }

    /** @return whether the call succeeded */
    public boolean isOk() {
        return error == null;
    }
}
