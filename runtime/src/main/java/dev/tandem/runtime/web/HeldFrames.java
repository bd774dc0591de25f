package dev.tandem.runtime.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Data frames a connection sent while its send queue was full, kept compactly (a few bytes of
 * header each, not a frame object) until it can take answers again. Reading is paused meanwhile, so
 * this holds at most what Netty had already read.
 */
final class HeldFrames {

    private static final int TEXT = 1;
    private static final int BINARY = 2;
    private static final int FINAL = 4;

    private ByteBuf held;

    /** @param frame a data frame; its content is copied, the frame is not released here */
    void add(WebSocketFrame frame, ByteBufAllocator alloc) {
        if (held == null) {
            held = alloc.buffer();
        }
        int kind = frame instanceof TextWebSocketFrame ? TEXT : frame instanceof BinaryWebSocketFrame ? BINARY : 0;
        held.writeByte(kind | (frame.isFinalFragment() ? FINAL : 0));
        held.writeInt(frame.content().readableBytes());
        held.writeBytes(frame.content(), frame.content().readerIndex(), frame.content().readableBytes());
    }

    boolean isEmpty() {
        return held == null || !held.isReadable();
    }

    /** @return bytes held */
    int size() {
        return held == null ? 0 : held.readableBytes();
    }

    /** @return the oldest frame held (the caller releases it), or {@code null} */
    WebSocketFrame next() {
        if (isEmpty()) {
            return null;
        }
        int flags = held.readByte();
        ByteBuf content = held.readRetainedSlice(held.readInt());
        boolean last = (flags & FINAL) != 0;
        WebSocketFrame frame = (flags & TEXT) != 0 ? new TextWebSocketFrame(last, 0, content)
                : (flags & BINARY) != 0 ? new BinaryWebSocketFrame(last, 0, content)
                : new ContinuationWebSocketFrame(last, 0, content);
        if (!held.isReadable()) {
            release();
        }
        return frame;
    }

    void release() {
        if (held != null) {
            held.release();
            held = null;
        }
    }
}
