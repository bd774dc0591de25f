package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.ErrorCode;

/**
 * How a call ended: a value at a revision, or an error.
 *
 * @param revision the instance's revision that includes the call's changes
 * @param value the encoded result, or {@code null} on error
 * @param error the error code, or {@code null} on success
 * @param message the error message, or {@code null} on success
 */
public record Outcome(long revision, JsonNode value, ErrorCode error, String message) {

    static Outcome ok(long revision, JsonNode value) {
        return new Outcome(revision, value, null, null);
    }

    static Outcome failed(ErrorCode error, String message) {
        return new Outcome(-1, null, error, message);
    }

    /** @return whether the call succeeded */
    public boolean isOk() {
        return error == null;
    }
}
