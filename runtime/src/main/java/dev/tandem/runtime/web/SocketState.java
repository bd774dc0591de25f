package dev.tandem.runtime.web;

import dev.tandem.runtime.internal.ClientConnection;
import dev.tandem.runtime.internal.InstanceKey;
import dev.tandem.runtime.internal.RateLimiter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Per-socket state on the event loop: the connection, its rate limiter, and the assembly of
 * fragmented messages, capped at {@code tandem.limits.max-message-size} so a client can't make the
 * server buffer without bound.
 */
final class SocketState {

    /** What one frame amounts to. */
    enum Kind { MESSAGE, FRAGMENT, TOO_LARGE, BINARY }

    final InstanceKey key;
    final ClientConnection connection;
    final SocketSink sink;
    final RateLimiter limiter;
    private final int maxMessageSize;
    private CompositeByteBuf pending;
    private int pendingSize;
    private boolean discarding;
    private boolean binary;
    private ByteBuf message;

    SocketState(InstanceKey key, ClientConnection connection, SocketSink sink, RateLimiter limiter, int maxMessageSize) {
        this.key = key;
        this.connection = connection;
        this.sink = sink;
        this.limiter = limiter;
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * @param frame a frame; not released here
     * @return what it amounts to; for {@link Kind#MESSAGE}, {@link #takeMessage()} has the bytes
     */
    Kind accept(WebSocketFrame frame) {
        boolean first = frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame;
        if (first) {
            reset();
            binary = frame instanceof BinaryWebSocketFrame;
        } else if (!(frame instanceof ContinuationWebSocketFrame)) {
            return Kind.FRAGMENT;
        }
        int size = pendingSize + frame.content().readableBytes();
        if (size > maxMessageSize) {
            discarding = true;
            releasePending();
        }
        pendingSize = size;
        if (!discarding) {
            if (pending == null) {
                pending = Unpooled.compositeBuffer();
            }
            pending.addComponent(true, frame.content().retainedDuplicate());
        }
        if (!frame.isFinalFragment()) {
            return Kind.FRAGMENT;
        }
        Kind kind = discarding ? Kind.TOO_LARGE : binary ? Kind.BINARY : Kind.MESSAGE;
        message = pending;
        pending = null;
        if (kind != Kind.MESSAGE && message != null) {
            message.release();
            message = null;
        }
        return kind;
    }

    int lastSize() {
        return pendingSize;
    }

    /** @return the assembled message; the caller releases it */
    ByteBuf takeMessage() {
        ByteBuf m = message;
        message = null;
        return m;
    }

    private void reset() {
        releasePending();
        pendingSize = 0;
        discarding = false;
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    void release() {
        releasePending();
        if (message != null) {
            message.release();
            message = null;
        }
    }
}
