package dev.tandem.runtime.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.internal.Frames;
import java.nio.charset.StandardCharsets;

/**
 * The {@code session} message: a credential the server just issued (the client had none, or one
 * that did not verify, or one signed with a previous key), sent first and only on the connection
 * it belongs to. See "Identity" in {@code docs/PROTOCOL.md}.
 */
final class SessionFrame {

    private SessionFrame() {
    }

    /** @return {@code {"type":"session","session":"...","userId":"..."}} for {@code who}, which has an issued credential */
    static byte[] of(Identity.Resolved who) {
        ObjectNode m = Frames.JSON.createObjectNode()
                .put("type", "session").put("session", who.issued()).put("userId", who.userId());
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}
