package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.storage.StoredJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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

    private static final byte[] PATCH_HEAD = "{\"type\":\"patch\",\"rev\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OPS_KEY = ",\"ops\":".getBytes(StandardCharsets.UTF_8);

    /**
     * Laid out as {@code {"type":"patch","rev":N,"ops":[...]}}, so that {@link #result} can reuse the
     * encoded operations for the caller instead of encoding them a second time.
     */
    static byte[] patch(long revision, ArrayNode ops) {
        byte[] rev = Long.toString(revision).getBytes(StandardCharsets.UTF_8);
        byte[] encodedOps = bytes(ops);
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                PATCH_HEAD.length + rev.length + OPS_KEY.length + encodedOps.length + 1);
        out.writeBytes(PATCH_HEAD);
        out.writeBytes(rev);
        out.writeBytes(OPS_KEY);
        out.writeBytes(encodedOps);
        out.write('}');
        return out.toByteArray();
    }

    /**
     * @param shared a patch message from {@link #patch}
     * @param own more operations, for one recipient
     * @return the same patch with {@code own} appended to its operations, without encoding the
     *     shared operations again
     */
    static byte[] withOwnOps(byte[] shared, ArrayNode own) {
        byte[] extra = bytes(own); // [a,b]
        int end = shared.length - 2; // the shared frame ends with ]}
        boolean sharedEmpty = shared[end - 1] == '[';
        ByteArrayOutputStream out = new ByteArrayOutputStream(shared.length + extra.length);
        out.write(shared, 0, end);
        if (!sharedEmpty) {
            out.write(',');
        }
        out.write(extra, 1, extra.length - 1); // a,b]
        out.write('}');
        return out.toByteArray();
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
     * @param ownPatch the call's patch message (from {@link #patch}), whose operations go with the
     *     answer to the caller's own connection, or {@code null}
     * @return the encoded message
     */
    public static byte[] result(JsonNode callId, long revision, JsonNode value, byte[] ownPatch) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "result").set("id", callId);
        m.put("rev", revision).set("value", value);
        byte[] answer = bytes(m);
        if (ownPatch == null) {
            return answer;
        }
        // {...answer without its closing brace} + ,"ops":[...]} taken from the patch as it was encoded
        int ops = PATCH_HEAD.length;
        while (ownPatch[ops] != ',') {
            ops++; // past the revision's digits
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length + ownPatch.length - ops);
        out.write(answer, 0, answer.length - 1);
        out.write(ownPatch, ops, ownPatch.length - ops);
        return out.toByteArray();
    }

    /**
     * @param callId the call this answers, or {@code null} for an error about the connection or a frame
     * @param code the error code
     * @param message what was wrong and what is allowed
     * @return the encoded message
     */
    public static byte[] error(JsonNode callId, ErrorCode code, String message) {
        return error(callId, code, message, null);
    }

    /**
     * @param callId the call this answers, or {@code null} for an error about the connection or a frame
     * @param code the error code
     * @param message what was wrong and what is allowed
     * @param details further members of the error (such as {@code state} and {@code allowed}), or {@code null}
     * @return the encoded message
     */
    public static byte[] error(JsonNode callId, ErrorCode code, String message, ObjectNode details) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "error");
        if (callId != null) {
            m.set("id", callId);
        }
        m.put("code", code.code()).put("message", message);
        if (details != null) {
            m.setAll(details);
        }
        return bytes(m);
    }

    /** @return the answer to a ping */
    public static byte[] pong() {
        return "{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode m) {
        return StoredJson.bytes(m);
    }
}
