package dev.tandem.runtime.web;

import dev.tandem.runtime.metrics.TandemMetrics;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's open WebSocket connections to live objects: for the send-queue meters, and so that a
 * stopping server can say goodbye to each ({@link ServerShutdown}).
 */
@Singleton
final class OpenSockets {

    /** One open connection: where its frames go, and where its frames come from. */
    record Open(SocketSink sink, InboundFrames inbound) {
    }

    private final Set<Open> open = ConcurrentHashMap.newKeySet();

    OpenSockets(TandemMetrics metrics) {
        metrics.bindSendQueues(this::totalBacklog, this::largestBacklog);
    }

    void add(SocketSink sink, InboundFrames inbound) {
        Open o = new Open(sink, inbound);
        open.add(o);
        sink.channel().closeFuture().addListener(f -> open.remove(o));
    }

    List<Open> all() {
        return List.copyOf(open);
    }

    /** @return bytes waiting to be sent, over every connection */
    long totalBacklog() {
        return open.stream().mapToLong(o -> o.sink().backlog()).sum();
    }

    /** @return the largest backlog of one connection, in bytes */
    long largestBacklog() {
        return open.stream().mapToLong(o -> o.sink().backlog()).max().orElse(0);
    }
}
