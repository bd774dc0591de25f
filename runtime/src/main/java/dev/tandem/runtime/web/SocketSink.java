package dev.tandem.runtime.web;

import dev.tandem.runtime.internal.Sink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends frames to one WebSocket connection. Frames from any thread are queued and written on the
 * connection's event loop (through its {@link LoopFlusher}), with one flush per batch. The connection's backlog is
 * bounded by Netty's write watermarks ({@code tandem.limits.max-send-queue}): once the client stops
 * reading and the backlog passes the mark, patches are dropped and the instance is told, and when
 * the backlog drains the instance sends a fresh snapshot instead of the missed patches.
 */
final class SocketSink implements Sink {

    /** Hears when the connection falls behind and when it catches up; called on the event loop. */
    interface Backpressure {
        void lagging();

        void caughtUp();
    }

    private final Channel channel;
    private final LoopFlusher flusher;
    private final Queue<ByteBuf> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean lagging;
    private volatile boolean closing;
    private Backpressure backpressure;

    SocketSink(Channel channel, LoopFlusher flusher, int maxSendQueue) {
        this.channel = channel;
        this.flusher = flusher;
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(maxSendQueue / 2, maxSendQueue));
        channel.pipeline().addLast("tandem-backpressure", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                if (ctx.channel().isWritable() && lagging) {
                    lagging = false;
                    if (backpressure != null) {
                        backpressure.caughtUp();
                    }
                }
                ctx.fireChannelWritabilityChanged();
            }
        });
    }

    void onBackpressure(Backpressure listener) {
        this.backpressure = listener;
    }

    @Override
    public void send(byte[] frame) {
        enqueue(frame);
    }

    @Override
    public void sendPatch(byte[] frame) {
        if (!lagging) {
            enqueue(frame);
        }
    }

    private void enqueue(byte[] frame) {
        if (closing) {
            return;
        }
        queue.add(Unpooled.wrappedBuffer(frame));
        if (scheduled.compareAndSet(false, true)) {
            flusher.schedule(this);
        }
    }

    /** Writes what is queued with one flush; runs on the channel's event loop. */
    void drain() {
        scheduled.set(false);
        boolean wrote = false;
        for (ByteBuf b = queue.poll(); b != null; b = queue.poll()) {
            if (channel.isActive()) {
                channel.write(new TextWebSocketFrame(b), channel.voidPromise());
                wrote = true;
            } else {
                b.release();
            }
        }
        if (wrote) {
            channel.flush();
            if (!channel.isWritable() && !lagging) {
                lagging = true;
                if (backpressure != null) {
                    backpressure.lagging();
                }
            }
        }
    }

    @Override
    public void close(int code, String reason) {
        channel.eventLoop().execute(() -> {
            drain();
            closing = true;
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(code, truncate(reason)))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    /** A close frame's reason is at most 123 bytes of UTF-8. */
    static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 123) {
            return reason;
        }
        String cut = new String(bytes, 0, 120, StandardCharsets.UTF_8);
        return cut.substring(0, cut.length() - 1) + "…";
    }
}
