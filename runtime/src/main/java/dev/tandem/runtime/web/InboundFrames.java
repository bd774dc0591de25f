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
    private boolean closeAnswered;

    InboundFrames(SocketState state, Host host, TandemConfiguration.Limits limits) {
        this.state = state;
        this.host = host;
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame) {
            WebSocketFrame frame = (WebSocketFrame) msg;
            try {
                accept(frame);
            } finally {
                frame.release();
            }
        } else {
            if (msg instanceof CloseWebSocketFrame close && !closeAnswered) {
                // RFC 6455 §5.5.1: answer a close with a close (echoing its code) before the
                // connection ends; without it the client sees 1006 (abnormal closure)
                closeAnswered = true;
                int code = close.statusCode() > 0 ? close.statusCode() : 1000;
                ctx.writeAndFlush(new CloseWebSocketFrame(code, ""));
            }
            ctx.fireChannelRead(msg); // close, ping, pong: Micronaut's
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
        state.sink.send(outcome.isOk() ? Frames.result(callId, outcome.revision(), outcome.value(), outcome.ownPatch())
                : Frames.error(callId, outcome.error(), outcome.message()));
    }
}
