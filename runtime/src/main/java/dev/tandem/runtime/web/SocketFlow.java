package dev.tandem.runtime.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Netty events about a connection's flow: the channel becoming writable again (the sink's backlog
 * drained), and the HTTP server closing the connection while it stops. That close (a stopping
 * server closes its WebSocket channels before Tandem hears of the shutdown) is held back until
 * {@link ServerShutdown} has let the connection's in-flight calls finish and sent close 1001.
 */
final class SocketFlow extends ChannelDuplexHandler {

    /** The handler's name in the pipeline. */
    static final String NAME = "tandem-flow";

    private final SocketSink sink;
    private ChannelPromise heldClose;

    SocketFlow(SocketSink sink) {
        this.sink = sink;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            sink.onWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!sink.isClosing() && serverStopping(ctx) && ctx.channel().isActive()) {
            heldClose = promise; // ServerShutdown says goodbye, then closes for real
            return;
        }
        ctx.close(promise);
        if (heldClose != null) {
            ChannelPromise held = heldClose;
            heldClose = null;
            promise.addListener(f -> held.trySuccess());
        }
    }

    /** The listening channel's event loop group shuts down first when the HTTP server stops. */
    private static boolean serverStopping(ChannelHandlerContext ctx) {
        return ctx.channel().parent() != null && ctx.channel().parent().eventLoop().isShuttingDown();
    }
}
