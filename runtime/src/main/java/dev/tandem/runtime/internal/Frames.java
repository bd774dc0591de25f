package dev.tandem.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.ErrorCode;

/**
 * Encodes the messages the server sends, as UTF-8 JSON. Each is encoded once and the same bytes go
 * to every recipient. The format is documented in {@code docs/PROTOCOL.md}.
 */
public final class Frames {

    /** The one mapper for protocol JSON; independent of the application's configuration. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    static byte[] snapshot(long revision, String epoch, ObjectNode state, ClientConnection to) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "snapshot").put("rev", revision).put("epoch", epoch)
                .put("connectionId", to.connectionId()).put("userId", to.userId());
        m.set("state", state);
        return bytes(m);
    }

    static byte[] patch(long revision, ArrayNode ops) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "patch").put("rev", revision).set("ops", ops);
        return bytes(m);
    }

    static byte[] resumed(long revision, String epoch) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "resumed").put("rev", revision).put("epoch", epoch);
        return bytes(m);
    }

    /**
     * @param callId the call this answers
     * @param revision the revision that includes the call
     * @param value the call's encoded return value
     * @param ops the call's patch, sent with the answer to the caller's own connection, or {@code null}
     * @return the encoded message
     */
    public static byte[] result(JsonNode callId, long revision, JsonNode value, ArrayNode ops) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "result").set("id", callId);
        m.put("rev", revision).set("value", value);
        if (ops != null) {
            m.set("ops", ops);
        }
        return bytes(m);
    }

    /**
     * @param callId the call this answers, or {@code null} for an error about the connection or a frame
     * @param code the error code
     * @param message what was wrong and what is allowed
     * @return the encoded message
     */
    public static byte[] error(JsonNode callId, ErrorCode code, String message) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "error");
        if (callId != null) {
            m.set("id", callId);
        }
        m.put("code", code.code()).put("message", message);
        return bytes(m);
    }

    /** @return the answer to a ping */
    public static byte[] pong() {
        return "{\"type\":\"pong\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ObjectNode m) {
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
