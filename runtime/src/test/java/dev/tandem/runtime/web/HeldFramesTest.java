package dev.tandem.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Frames held while a connection's send queue is full come back as they were: kind, finality, content, order. */
class HeldFramesTest {

    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

    private static String text(WebSocketFrame frame) {
        return frame.content().toString(StandardCharsets.UTF_8);
    }

    @Test
    void framesComeBackInOrderWithTheirKindAndFinality() {
        HeldFrames held = new HeldFrames();
        assertTrue(held.isEmpty());
        assertEquals(0, held.size());
        assertNull(held.next());
        TextWebSocketFrame first = new TextWebSocketFrame(false, 0, "{\"type\":");
        ContinuationWebSocketFrame rest = new ContinuationWebSocketFrame(true, 0, Unpooled.copiedBuffer("\"ping\"}", StandardCharsets.UTF_8));
        BinaryWebSocketFrame binary = new BinaryWebSocketFrame(true, 0, Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        first.content().readByte(); // only the readable bytes count
        held.add(first, alloc);
        held.add(rest, alloc);
        held.add(binary, alloc);
        assertEquals(3 * 5 + 7 + 7 + 3, held.size(), "a byte of kind and an int of length per frame, then the content");
        assertEquals(1, first.refCnt(), "the caller's frames are not released here");
        first.release();
        rest.release();
        binary.release();

        WebSocketFrame a = held.next();
        assertInstanceOf(TextWebSocketFrame.class, a);
        assertFalse(a.isFinalFragment());
        assertEquals("\"type\":", text(a));
        WebSocketFrame b = held.next();
        assertInstanceOf(ContinuationWebSocketFrame.class, b);
        assertTrue(b.isFinalFragment());
        assertEquals("\"ping\"}", text(b));
        assertFalse(held.isEmpty());
        WebSocketFrame c = held.next();
        assertInstanceOf(BinaryWebSocketFrame.class, c);
        assertEquals(3, c.content().readableBytes());
        assertTrue(held.isEmpty());
        assertNull(held.next());
        io.netty.buffer.ByteBuf shared = c.content();
        a.release();
        b.release();
        assertEquals(1, shared.refCnt(), "each frame handed out holds the buffer");
        c.release();
        assertEquals(0, shared.refCnt(), "the buffer is freed once everything was read and released");
    }

    @Test
    void releaseDropsWhatIsHeld() {
        HeldFrames held = new HeldFrames();
        TextWebSocketFrame frame = new TextWebSocketFrame("x");
        held.add(frame, alloc);
        frame.release();
        held.release();
        assertTrue(held.isEmpty());
        assertEquals(0, held.size());
        held.release(); // twice is harmless
    }
}
