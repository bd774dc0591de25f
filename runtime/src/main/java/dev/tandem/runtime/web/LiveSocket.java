package dev.tandem.runtime.web;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.InstanceIds;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.LiveObjectRegistry;
import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.internal.ClientConnection;
import dev.tandem.runtime.internal.Frames;
import dev.tandem.runtime.internal.Host;
import dev.tandem.runtime.internal.InstanceKey;
import dev.tandem.runtime.internal.RateLimiter;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.netty.websocket.NettyServerWebSocketHandler;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final String INBOUND = "tandem.inbound";
    private static final Set<String> RESERVED = Set.of("session", "client", "rev", "epoch");
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private final Host host;
    private final LiveObjectRegistry registry;
    private final TandemConfiguration config;
    private final Identity identity;
    private final OpenSockets open;
    /** Random per server: connection IDs stay unique when several servers share an instance (cluster). */
    private final String node = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final Map<EventLoop, LoopFlusher> flushers = new ConcurrentHashMap<>();

    LiveSocket(Host host, LiveObjectRegistry registry, TandemConfiguration config, Identity identity, OpenSockets open) {
        this.host = host;
        this.registry = registry;
        this.config = config;
        this.identity = identity;
        this.open = open;
    }

    @OnOpen
    void onOpen(String type, String id, WebSocketSession session, HttpRequest<?> request) {
        Channel channel = ((NettyHttpRequest<?>) request).getChannelHandlerContext().channel();
        SocketSink sink = new SocketSink(channel,
                flushers.computeIfAbsent(channel.eventLoop(), LoopFlusher::new), config.getLimits().getMaxSendQueue());
        try {
            registry.require(type);
            InstanceKey key = new InstanceKey(type, InstanceIds.check(id));
            ConvertibleMultiValues<String> params = session.getRequestParameters();
            Identity.Resolved who = identity.resolve(session.getUserPrincipal(), Identity.credential(request));
            String client = params.get("client");
            ClientConnection connection = new ClientConnection("c" + node + "-" + CONNECTIONS.incrementAndGet(),
                    who.userId(), who.authenticated(), who.roles(), who.claims(), attributes(params), client == null ? null : identity.check("client", client),
                    sink);
            TandemConfiguration.Limits limits = config.getLimits();
            SocketState state = new SocketState(key, connection, sink,
                    new RateLimiter(limits.getCallsPerSecond(), limits.getCallBurst()), limits.getMaxMessageSize());
            session.put(STATE, state);
            InboundFrames inbound = new InboundFrames(state, host, limits);
            session.put(INBOUND, inbound);
            install(channel, inbound, sink, config.getWebsocket());
            sink.listen(new SocketSink.Listener() {
                @Override
                public void lagging() {
                    host.lagged(key, connection);
                }

                @Override
                public void caughtUp() {
                    host.resync(key, connection);
                }

                @Override
                public void writable() {
                    inbound.resume();
                }
            });
            open.add(sink, inbound);
            if (who.issued() != null) {
                sink.send(SessionFrame.of(who)); // before the snapshot, to this connection only
            }
            host.join(key, connection, revision(params.get("rev")), params.get("epoch"));
        } catch (LiveObjectException e) {
            sink.send(Frames.error(null, e.code(), e.getMessage()));
            sink.close(e.code() == ErrorCode.NOT_FOUND ? 4404 : e.code() == ErrorCode.FORBIDDEN ? 4403 : 4400, e.getMessage());
        }
    }

    /**
     * Puts the frame handler right after Netty's WebSocket decoder, ahead of Micronaut's handler
     * (which may not be in the pipeline yet while {@code @OnOpen} runs). Without the decoder in
     * sight, frames still arrive through {@link #onMessage}.
     */
    private static void install(Channel channel, InboundFrames inbound, SocketSink sink,
            TandemConfiguration.WebSocket websocket) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addFirst(SocketFlow.NAME, new SocketFlow(sink));
        pipeline.addFirst(Heartbeat.NAME, new Heartbeat(sink, websocket.getHeartbeatInterval(),
                websocket.getHeartbeatTimeout()));
        if (pipeline.get("wsdecoder") != null) {
            pipeline.addAfter("wsdecoder", InboundFrames.NAME, inbound);
        } else if (pipeline.get(NettyServerWebSocketHandler.ID) != null) {
            pipeline.addBefore(NettyServerWebSocketHandler.ID, InboundFrames.NAME, inbound);
        } else {
            LOG.debug("No WebSocket decoder in the pipeline; frames go through @OnMessage");
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

    /** Not reached while {@link InboundFrames} is in the pipeline; kept so that no frame is ever lost. */
    @OnMessage(maxPayloadLength = TandemConfiguration.Limits.HARD_MAX_MESSAGE_SIZE)
    void onMessage(WebSocketFrame frame, WebSocketSession session) {
        try {
            InboundFrames inbound = session.get(INBOUND, InboundFrames.class).orElse(null);
            if (inbound != null) {
                inbound.accept(frame);
            }
        } finally {
            frame.release();
        }
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
