package dev.tandem.runtime.web;

import dev.tandem.runtime.TandemConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.websocket.NettyServerWebSocketUpgradeHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Removes permessage-deflate from the server's WebSocket pipeline unless
 * {@code tandem.websocket.compression} is true (see {@link TandemConfiguration.WebSocket}).
 */
@Singleton
@Requires(property = "tandem.websocket.compression", notEquals = "true")
final class WebSocketCompression implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Remover(null));
        return event.getBean();
    }

    private record Remover(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Remover(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null) {
                ChannelPipeline pipeline = channel.pipeline();
                if (pipeline.get(NettyServerWebSocketUpgradeHandler.COMPRESSION_HANDLER) != null) {
                    pipeline.remove(NettyServerWebSocketUpgradeHandler.COMPRESSION_HANDLER);
                }
            }
        }
    }
}
