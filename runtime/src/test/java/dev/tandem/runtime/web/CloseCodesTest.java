package dev.tandem.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.junit.jupiter.api.Test;

/** The answer to a client's close frame follows RFC 6455: echo a sendable code, 1002 or 1007 otherwise. */
class CloseCodesTest {

    private static void assertAnswer(int code, String reason, CloseWebSocketFrame answer) {
        try {
            assertEquals(code, answer.statusCode());
            assertEquals(reason, answer.reasonText());
        } finally {
            answer.release();
        }
    }

    private static CloseWebSocketFrame closeWith(byte... body) {
        return new CloseWebSocketFrame(true, 0, Unpooled.wrappedBuffer(body));
    }

    @Test
    void sendableCodesAreExactlyTheRegisteredRanges() {
        int[] yes = {1000, 1001, 1002, 1003, 1007, 1010, 1014, 3000, 4000, 4999};
        int[] no = {999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 0, -1};
        for (int c : yes) {
            assertTrue(CloseCodes.sendable(c), "" + c);
        }
        for (int c : no) {
            assertFalse(CloseCodes.sendable(c), "" + c);
        }
    }

    @Test
    void aSendableCodeIsEchoedAndAnEmptyBodyGets1000() {
        assertAnswer(4001, "", CloseCodes.answer(new CloseWebSocketFrame(4001, "bye")));
        assertAnswer(1000, "", CloseCodes.answer(new CloseWebSocketFrame(true, 0, Unpooled.EMPTY_BUFFER)));
    }

    @Test
    void forbiddenCodesAndOneByteBodiesAreProtocolErrors() {
        assertAnswer(1002, "close code 1005 may not be sent by a client", CloseCodes.answer(closeWith((byte) 0x03, (byte) 0xED)));
        assertAnswer(1002, "close code 999 may not be sent by a client", CloseCodes.answer(closeWith((byte) 0x03, (byte) 0xE7)));
        assertAnswer(1002, "a close frame's body is a 2-byte code and an optional reason", CloseCodes.answer(closeWith((byte) 3)));
    }

    @Test
    void aReasonThatIsNotUtf8IsInvalidData() {
        assertAnswer(1007, "the close reason is not UTF-8", CloseCodes.answer(closeWith((byte) 0x03, (byte) 0xE8, (byte) 0xC3, (byte) 0x28)));
        assertAnswer(1000, "", CloseCodes.answer(closeWith((byte) 0x03, (byte) 0xE8, (byte) 0xC3, (byte) 0xA9)));
    }
}
