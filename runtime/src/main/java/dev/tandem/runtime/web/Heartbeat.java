package dev.tandem.runtime.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one WebSocket connection honest. When the server wrote nothing for
 * {@code tandem.websocket.heartbeat-interval} it sends a ping control frame (which also keeps
 * Micronaut's {@code micronaut.server.idle-timeout} and proxies from closing a quiet but healthy
 * connection); when nothing at all (any frame, pongs included) arrived for
 * {@code tandem.websocket.heartbeat-timeout} the connection is half-open or dead, and it is closed
 * with {@link #NO_TRAFFIC}, which runs the instance's {@code @OnDisconnect} as any close does.
 * It sits at the head of the pipeline, so every byte read or written counts as traffic.
 */
final class Heartbeat extends IdleStateHandler {

    /** The handler's name in the pipeline. */
    static final String NAME = "tandem-heartbeat";
    /** The close code for a connection from which nothing arrived within the timeout. */
    static final int NO_TRAFFIC = 4408;
    static final String REASON = "no traffic from the client within tandem.websocket.heartbeat-timeout";

    private final SocketSink sink;
    private boolean timedOut;

    Heartbeat(SocketSink sink, Duration interval, Duration timeout) {
        super(timeout.toMillis(), interval.toMillis(), 0, TimeUnit.MILLISECONDS);
        this.sink = sink;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        if (event.state() == IdleState.WRITER_IDLE && !timedOut && ctx.channel().isActive()) {
            // from the tail, so the WebSocket encoder (after this handler) frames it
            ctx.channel().writeAndFlush(new PingWebSocketFrame());
        } else if (event.state() == IdleState.READER_IDLE && !timedOut) {
            timedOut = true;
            sink.close(NO_TRAFFIC, REASON);
        }
    }
}
