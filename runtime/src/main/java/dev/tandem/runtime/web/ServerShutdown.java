package dev.tandem.runtime.web;

import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.internal.Host;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says goodbye to every WebSocket connection when the server stops (SIGTERM or the application
 * context closing), while storage still works: reading stops, calls already running finish and are
 * stored and answered, then each connection gets close 1001. It waits up to
 * {@code tandem.shutdown.grace-period}; connections not through by then are closed anyway.
 */
@Context // exists before the server stops, so the goodbye never has to create it (and the Host) then
final class ServerShutdown implements ApplicationEventListener<ShutdownEvent>, Ordered {

    static final int GOING_AWAY = 1001;
    static final String REASON = "the server is shutting down; reconnect";
    private static final Logger LOG = LoggerFactory.getLogger(ServerShutdown.class);

    private final OpenSockets sockets;
    private final Host host;
    private final long graceMillis;
    private boolean done;

    ServerShutdown(OpenSockets sockets, Host host, TandemConfiguration config) {
        this.sockets = sockets;
        this.host = host;
        this.graceMillis = config.getShutdown().getGracePeriod().toMillis();
    }

    /** The application context is closing; comes first when it is closed directly. */
    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        goodbye();
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    synchronized void goodbye() {
        if (done) {
            return;
        }
        done = true;
        List<OpenSockets.Open> open = sockets.all();
        if (open.isEmpty()) {
            return;
        }
        open.forEach(o -> o.inbound().stop());
        host.closeAllConnections(GOING_AWAY, REASON); // each after its instance's stored outputs
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        int late = 0;
        for (OpenSockets.Open o : open) {
            long left = deadline - System.nanoTime();
            if (!o.sink().channel().closeFuture().awaitUninterruptibly(Math.max(0, TimeUnit.NANOSECONDS.toMillis(left)))) {
                late++;
                o.sink().close(GOING_AWAY, REASON);
            }
        }
        if (late > 0) {
            LOG.warn("{} of {} connections were not through within tandem.shutdown.grace-period ({} ms); closed them",
                    late, open.size(), graceMillis);
        }
    }

    /**
     * On SIGTERM, Micronaut stops the HTTP server before it closes the context: its WebSocket
     * channels' closes are held back by {@link SocketFlow} until this goodbye.
     */
    @Singleton
    static final class OnServerStop implements ApplicationEventListener<ServerShutdownEvent> {
        private final BeanContext beans;

        OnServerStop(BeanContext beans) {
            this.beans = beans; // not the goodbye itself: it would bring the Host back to life after a direct close
        }

        @Override
        public void onApplicationEvent(ServerShutdownEvent event) {
            // Only the instance that exists: when the context is closed directly, its beans are gone
            // by the time the server stops (the ShutdownEvent already said goodbye), and creating
            // them again would leave a second Host, storage writer and connection pool running.
            beans.getActiveBeanRegistrations(ServerShutdown.class).forEach(r -> r.bean().goodbye());
        }
    }
}
