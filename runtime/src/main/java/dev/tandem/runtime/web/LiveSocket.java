package dev.tandem.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.InstanceIds;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.LiveObjectRegistry;
import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.internal.ClientConnection;
import dev.tandem.runtime.internal.Frames;
import dev.tandem.runtime.internal.Host;
import dev.tandem.runtime.internal.InstanceKey;
import dev.tandem.runtime.internal.Outcome;
import dev.tandem.runtime.internal.RateLimiter;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket endpoint: one socket per client per instance, at {@code /tandem/ws/{type}/{id}}.
 * See {@code docs/PROTOCOL.md} for the messages and close codes.
 */
@ServerWebSocket("/tandem/ws/{type}/{id}")
final class LiveSocket {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    private static final String STATE = "tandem.socket";
    private static final Set<String> RESERVED = Set.of("session", "client", "rev", "epoch");
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private final Host host;
    private final LiveObjectRegistry registry;
    private final TandemConfiguration config;
    private final Identity identity;
    private final String node = Long.toString(System.currentTimeMillis() % 46656, 36);

    LiveSocket(Host host, LiveObjectRegistry registry, TandemConfiguration config, Identity identity) {
        this.host = host;
        this.registry = registry;
        this.config = config;
        this.identity = identity;
    }

    @OnOpen
    void onOpen(String type, String id, WebSocketSession session, HttpRequest<?> request) {
        Channel channel = ((NettyHttpRequest<?>) request).getChannelHandlerContext().channel();
        SocketSink sink = new SocketSink(channel, config.getLimits().getMaxSendQueue());
        try {
            registry.require(type);
            InstanceKey key = new InstanceKey(type, InstanceIds.check(id));
            ConvertibleMultiValues<String> params = session.getRequestParameters();
            Identity.Resolved who = identity.resolve(session.getUserPrincipal(), params.get("session"));
            String client = params.get("client");
            ClientConnection connection = new ClientConnection("c" + node + "-" + CONNECTIONS.incrementAndGet(),
                    who.userId(), who.authenticated(), attributes(params), client == null ? null : identity.check("client", client),
                    sink);
            TandemConfiguration.Limits limits = config.getLimits();
            SocketState state = new SocketState(key, connection, sink,
                    new RateLimiter(limits.getCallsPerSecond(), limits.getCallBurst()), limits.getMaxMessageSize());
            session.put(STATE, state);
            sink.onBackpressure(new SocketSink.Backpressure() {
                @Override
                public void lagging() {
                    host.lagged(key, connection);
                }

                @Override
                public void caughtUp() {
                    host.resync(key, connection);
                }
            });
            host.join(key, connection, revision(params.get("rev")), params.get("epoch"));
        } catch (LiveObjectException e) {
            sink.send(Frames.error(null, e.code(), e.getMessage()));
            sink.close(e.code() == ErrorCode.NOT_FOUND ? 4404 : 4400, e.getMessage());
        }
    }

    private long revision(String rev) {
        if (rev == null) {
            return -1;
        }
        try {
            return Long.parseLong(rev);
        } catch (NumberFormatException e) {
            throw new LiveObjectException(ErrorCode.BAD_REQUEST, "'rev' must be the revision number the client has; got '"
                    + identity.check("rev", rev) + "'");
        }
    }

    private Map<String, String> attributes(ConvertibleMultiValues<String> params) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : params.names()) {
            if (RESERVED.contains(name)) {
                continue;
            }
            if (attributes.size() == config.getLimits().getMaxAttributes()) {
                throw new LiveObjectException(ErrorCode.BAD_REQUEST, "at most " + config.getLimits().getMaxAttributes()
                        + " connection attributes (tandem.limits.max-attributes)");
            }
            String value = params.get(name);
            if (name.length() > 64 || value.length() > config.getLimits().getMaxAttributeLength()) {
                throw new LiveObjectException(ErrorCode.BAD_REQUEST, "connection attribute '" + (name.length() > 64
                        ? name.substring(0, 64) + "…" : name) + "' is too long: names up to 64 characters, values up to "
                        + config.getLimits().getMaxAttributeLength() + " (tandem.limits.max-attribute-length)");
            }
            attributes.put(name, value);
        }
        return attributes;
    }

    @OnMessage(maxPayloadLength = TandemConfiguration.Limits.HARD_MAX_MESSAGE_SIZE)
    void onMessage(WebSocketFrame frame, WebSocketSession session) {
        try {
            SocketState state = session.get(STATE, SocketState.class).orElse(null);
            if (state == null) {
                return; // the open was refused
            }
            switch (state.accept(frame)) {
                case FRAGMENT -> { }
                case TOO_LARGE -> state.sink.send(Frames.error(null, ErrorCode.TOO_LARGE, "a message of " + state.lastSize()
                        + " bytes is over the limit of " + config.getLimits().getMaxMessageSize()
                        + " (tandem.limits.max-message-size); it was dropped"));
                case BINARY -> state.sink.send(Frames.error(null, ErrorCode.BAD_REQUEST,
                        "binary frames are not part of the protocol; send JSON as text frames"));
                case MESSAGE -> {
                    ByteBuf message = state.takeMessage();
                    try {
                        handle(state, message);
                    } finally {
                        message.release();
                    }
                }
            }
        } finally {
            frame.release();
        }
    }

    private void handle(SocketState state, ByteBuf content) {
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
                outcome -> reply(state, callId, outcome));
    }

    private String rateLimited() {
        return "more than " + config.getLimits().getCallsPerSecond() + " messages per second (tandem.limits.calls-per-second,"
                + " burst " + config.getLimits().getCallBurst() + "); this one was not processed, send it again later";
    }

    private static void reply(SocketState state, JsonNode callId, Outcome outcome) {
        state.sink.send(outcome.isOk() ? Frames.result(callId, outcome.revision(), outcome.value())
                : Frames.error(callId, outcome.error(), outcome.message()));
    }

    @OnClose
    void onClose(WebSocketSession session) {
        SocketState state = session.get(STATE, SocketState.class).orElse(null);
        if (state != null) {
            state.release();
            host.leave(state.key, state.connection);
        }
    }

    @OnError
    void onError(WebSocketSession session, Throwable error) {
        LOG.debug("WebSocket error on {}: {}", session.getId(), error.toString());
    }
}
