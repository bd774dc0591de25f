package dev.tandem.runtime.web;

import dev.tandem.runtime.internal.Sink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends frames to one WebSocket connection. Frames from any thread are queued and written on the
 * connection's event loop (through its {@link LoopFlusher}), with one flush per batch.
 *
 * <p>Every frame counts against the connection's backlog ({@code tandem.limits.max-send-queue}): the
 * bytes queued here plus those Netty has not yet handed to the kernel. Past the limit, patches are
 * dropped (the instance is told, and once the backlog drains the client gets a fresh snapshot; no
 * patch reaches it in between, so it never sees a gap), and {@link InboundFrames} stops reading the
 * client's frames, so a client that does not read cannot make the server answer more. Frames that
 * must arrive (results, errors, snapshots) are queued until the backlog reaches twice the limit (the
 * frame that crosses it is the most it passes it by); beyond that the client is not reading at all
 * and the connection is closed with {@link #QUEUE_FULL}.
 */
final class SocketSink implements Sink {

    /** The close code for a connection whose backlog passed twice the limit. */
    static final int QUEUE_FULL = 4008;
    /** How long a close frame may wait behind a backlog before the connection is dropped. */
    private static final long CLOSE_GRACE_MILLIS = 2000;

    /** Hears how the backlog moves; called on the event loop, except {@link #lagging()}. */
    interface Listener {
        /** A patch was dropped: the instance may stop sending patches to this connection. */
        void lagging();

        /** The backlog drained after patches were dropped: the connection needs a fresh snapshot. */
        void caughtUp();

        /** The channel is writable again: reading may resume. */
        void writable();
    }

    private static final int LIVE = 0;
    private static final int LAGGING = 1;
    private static final int RESYNCING = 2;

    private final Channel channel;
    private final LoopFlusher flusher;
    private final int limit;
    private final Queue<ByteBuf> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Whether patches flow: LIVE, LAGGING (dropping), RESYNCING (dropping until the fresh snapshot). */
    private final AtomicInteger patches = new AtomicInteger(LIVE);
    private volatile boolean closing;
    private volatile Listener listener;

    SocketSink(Channel channel, LoopFlusher flusher, int maxSendQueue) {
        this.channel = channel;
        this.flusher = flusher;
        this.limit = maxSendQueue;
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(maxSendQueue / 2, maxSendQueue));
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    Channel channel() {
        return channel;
    }

    /** @return bytes waiting to be sent: queued here, or in Netty's outbound buffer */
    long backlog() {
        return queued.get() + inNetty();
    }

    /** @return bytes in Netty's outbound buffer, not yet handed to the kernel */
    private long inNetty() {
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return out == null ? 0 : out.totalPendingWriteBytes();
    }

    /** @return whether the backlog is at the limit: stop taking work from the client */
    boolean full() {
        return backlog() >= limit;
    }

    boolean isClosing() {
        return closing;
    }

    @Override
    public void send(byte[] frame) {
        // reserve, then check what was queued before: of frames sent at once from several threads (the
        // turn's answers, the event loop's errors), at most one crosses twice the limit
        long before = queued.addAndGet(frame.length) - frame.length + inNetty();
        if (before >= 2L * limit) {
            queued.addAndGet(-frame.length);
            overflow();
            return;
        }
        add(frame, true);
    }

    @Override
    public void sendPatch(byte[] frame) {
        if (admitPatch()) {
            enqueue(frame);
        }
    }

    @Override
    public void sendSync(byte[] frame) {
        send(frame);
        patches.set(LIVE); // patches sent after the snapshot follow it
    }

    /**
     * @return whether a patch may go to this connection now; if not, it is lagging and will get a
     *     fresh snapshot once its backlog drains (so the patch must not reach it in any form)
     */
    boolean admitPatch() {
        if (closing || patches.get() != LIVE) {
            return false;
        }
        if (backlog() < limit) {
            return true;
        }
        if (patches.compareAndSet(LIVE, LAGGING)) {
            if (listener != null) {
                listener.lagging();
            }
            // the channel may have turned writable (on the event loop) just before this thread saw the
            // backlog: check there, after that event, or nothing would ever end the lag
            channel.eventLoop().execute(() -> {
                if (channel.isWritable()) {
                    onWritable();
                }
            });
        }
        return false;
    }

    private void enqueue(byte[] frame) {
        add(frame, false);
    }

    /** @param counted whether the frame's bytes are already counted in {@link #queued} */
    private void add(byte[] frame, boolean counted) {
        if (closing) {
            if (counted) {
                queued.addAndGet(-frame.length);
            }
            return;
        }
        if (!counted) {
            queued.addAndGet(frame.length);
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
            int size = b.readableBytes();
            if (channel.isActive() && !closing) {
                channel.write(new TextWebSocketFrame(b), channel.voidPromise());
                wrote = true;
            } else {
                b.release();
            }
            queued.addAndGet(-size); // after the write: the bytes are counted in Netty's buffer by then
        }
        if (wrote) {
            channel.flush();
        }
        if (channel.isWritable()) {
            onWritable();
        }
    }

    /** The channel can take more (after a drain, or when Netty's buffer fell below the low mark). */
    void onWritable() {
        Listener l = listener;
        if (l == null) {
            return;
        }
        if (patches.compareAndSet(LAGGING, RESYNCING)) {
            l.caughtUp();
        }
        l.writable();
    }

    /** The client is not reading at all: drop what is queued and close with {@link #QUEUE_FULL}. */
    void overflow() {
        if (closing) {
            return;
        }
        closing = true;
        channel.eventLoop().execute(() -> {
            for (ByteBuf b = queue.poll(); b != null; b = queue.poll()) {
                queued.addAndGet(-b.readableBytes());
                b.release();
            }
            goodbye(QUEUE_FULL, "send queue full: the client is not reading");
        });
    }

    @Override
    public void close(int code, String reason) {
        channel.eventLoop().execute(() -> {
            drain();
            closing = true;
            goodbye(code, reason);
        });
    }

    /** Sends a close frame after the backlog, and drops the connection if it is not through in time. */
    private void goodbye(int code, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, truncate(reason))).addListener(ChannelFutureListener.CLOSE);
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
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
