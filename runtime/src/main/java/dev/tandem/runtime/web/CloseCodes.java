package dev.tandem.runtime.web;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** How the server answers a client's close frame (RFC 6455 §5.5.1 and §7.4). */
final class CloseCodes {

    /** The protocol was broken (here: a close frame with a code a client may not send). */
    static final int PROTOCOL_ERROR = 1002;
    /** A close frame's reason is not UTF-8. */
    static final int INVALID_DATA = 1007;

    private CloseCodes() {
    }

    /**
     * @param close a client's close frame
     * @return the answer: the same code if the client may send it, 1000 for a close without a code,
     *     1002 for a code it may not send (1005, 1006, 1015, reserved or out of range) or a one-byte
     *     body, 1007 for a reason that is not UTF-8
     */
    static CloseWebSocketFrame answer(CloseWebSocketFrame close) {
        ByteBuf body = close.content();
        if (body.readableBytes() == 0) {
            return new CloseWebSocketFrame(1000, "");
        }
        int code = close.statusCode();
        if (body.readableBytes() == 1 || !sendable(code)) {
            return new CloseWebSocketFrame(PROTOCOL_ERROR, body.readableBytes() == 1 ? "a close frame's body is a"
                    + " 2-byte code and an optional reason" : "close code " + code + " may not be sent by a client");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(body.nioBuffer(body.readerIndex() + 2, body.readableBytes() - 2));
        } catch (CharacterCodingException e) {
            return new CloseWebSocketFrame(INVALID_DATA, "the close reason is not UTF-8");
        }
        return new CloseWebSocketFrame(code, "");
    }

    /** @return whether an endpoint may put {@code code} in a close frame (RFC 6455 §7.4, IANA registry) */
    static boolean sendable(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }
}
