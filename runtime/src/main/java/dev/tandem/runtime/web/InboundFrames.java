package dev.tandem.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.internal.Frames;
import dev.tandem.runtime.internal.Host;
import dev.tandem.runtime.internal.Outcome;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.math.BigDecimal;

/**
 * Handles a connection's data frames on its event loop: assembly (within the size limit), parsing,
 * the rate limit, and handing calls to the instance. It sits in the channel's pipeline ahead of
 * Micronaut's WebSocket handler, which keeps the handshake, security, ping/pong and close: data
 * frames skip Micronaut's per-message argument binding and event publishing, which cost more than
 * the rest of a call's path.
 */
final class InboundFrames extends ChannelInboundHandlerAdapter {

    /** The handler's name in the pipeline. */
    static final String NAME = "tandem-inbound";

    private final SocketState state;
    private final Host host;
    private final TandemConfiguration.Limits limits;
    private final HeldFrames held = new HeldFrames();
    private ChannelHandlerContext ctx;
    private boolean closeAnswered;
    /** The send queue is full: frames are held, not handled, and reading is paused. */
    private boolean paused;
    private volatile boolean stopping;

    InboundFrames(SocketState state, Host host, TandemConfiguration.Limits limits) {
        this.state = state;
        this.host = host;
        this.limits = limits;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        held.release();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame) {
            WebSocketFrame frame = (WebSocketFrame) msg;
            try {
                if (paused || state.sink.full()) {
                    hold(frame);
                } else {
                    accept(frame);
                }
            } finally {
                frame.release();
            }
        } else {
            if (msg instanceof CloseWebSocketFrame close && !closeAnswered) {
                closeAnswered = true;
                ctx.writeAndFlush(CloseCodes.answer(close));
            }
            ctx.fireChannelRead(msg); // close, ping, pong: Micronaut's
        }
    }

    /**
     * The client sent more while its answers are not being read: keep the frame for later and stop
     * reading, so that it can't make the server queue more (TCP pushes back on the client).
     */
    private void hold(WebSocketFrame frame) {
        held.add(frame, ctx.alloc());
        if (!paused) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
        }
        if (held.size() > limits.getMaxSendQueue()) {
            state.sink.overflow();
        }
    }

    /** The send queue has room again: handle what was held, then read again. Runs on the event loop. */
    void resume() {
        if (!paused) {
            return;
        }
        for (WebSocketFrame frame = held.next(); frame != null; frame = held.next()) {
            try {
                accept(frame);
            } finally {
                frame.release();
            }
            if (state.sink.full()) {
                return;
            }
        }
        paused = false;
        if (!stopping) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** The server is shutting down: read nothing more, refuse calls already read. */
    void stop() {
        stopping = true;
        if (ctx != null) {
            ctx.channel().eventLoop().execute(() -> ctx.channel().config().setAutoRead(false));
        }
    }

    /** Takes one data frame (also used by the endpoint's {@code @OnMessage}, should a frame reach it). */
    void accept(WebSocketFrame frame) {
        switch (state.accept(frame)) {
            case FRAGMENT -> { }
            case TOO_LARGE -> state.sink.send(Frames.error(null, ErrorCode.TOO_LARGE, "a message of " + state.lastSize()
                    + " bytes is over the limit of " + limits.getMaxMessageSize()
                    + " (tandem.limits.max-message-size); it was dropped"));
            case BINARY -> state.sink.send(Frames.error(null, ErrorCode.BAD_REQUEST,
                    "binary frames are not part of the protocol; send JSON as text frames"));
            case MESSAGE -> {
                ByteBuf message = state.takeMessage();
                try {
                    handle(message);
                } finally {
                    message.release();
                }
            }
        }
    }

    private void handle(ByteBuf content) {
        boolean allowed = state.limiter.tryAcquire(); // every message counts, valid or not
        ClientMessage message;
        try {
            message = ClientMessages.parse(content);
        } catch (ClientMessages.Invalid e) {
            state.sink.send(Frames.error(e.callId, allowed ? e.code() : ErrorCode.RATE_LIMITED,
                    allowed ? e.getMessage() : rateLimited()));
            return;
        }
        JsonNode callId = message instanceof ClientMessage.Call c ? c.id() : null;
        if (!allowed) {
            state.sink.send(Frames.error(callId, ErrorCode.RATE_LIMITED, rateLimited()));
            return;
        }
        if (message instanceof ClientMessage.Ping) {
            state.sink.send(Frames.pong());
            return;
        }
        if (stopping) {
            state.sink.send(Frames.error(callId, ErrorCode.UNAVAILABLE,
                    "the server is shutting down; this call did not run, send it again once reconnected"));
            return;
        }
        ClientMessage.Call call = (ClientMessage.Call) message;
        host.call(state.key, call.action(), call.args(), state.connection, state.connection.clientId(), callId,
                outcome -> reply(callId, outcome));
    }

    private String rateLimited() {
        return "more than " + BigDecimal.valueOf(limits.getCallsPerSecond()).stripTrailingZeros().toPlainString()
                + " messages per second (tandem.limits.calls-per-second,"
                + " burst " + limits.getCallBurst() + "); this one was not processed, send it again later";
    }

    private void reply(JsonNode callId, Outcome outcome) {
        if (!outcome.isOk()) {
            state.sink.send(Frames.error(callId, outcome.error(), outcome.message(), outcome.details()));
            return;
        }
        // the caller's own patch rides with its result only while patches flow to it; otherwise it
        // gets a fresh snapshot (the protocol's rule: a result without ops completes at its revision)
        byte[] ops = outcome.ownPatch() != null && state.sink.admitPatch() ? outcome.ownPatch() : null;
        state.sink.send(Frames.result(callId, outcome.revision(), outcome.value(), ops));
    }
}
