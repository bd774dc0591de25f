package dev.tandem.runtime.metrics;

import dev.tandem.runtime.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The runtime's meters. Per-type meters are looked up once per type and cached, so recording a
 * turn costs no registry lookup.
 *
 * <ul>
 *   <li>{@code tandem.instances.active}: instances in memory</li>
 *   <li>{@code tandem.connections}: open WebSocket connections</li>
 *   <li>{@code tandem.turns} (tags {@code type}, {@code outcome}): turns run; their rate is turns per second</li>
 *   <li>{@code tandem.turn.duration} (tag {@code type}): time a turn's code and diff take</li>
 *   <li>{@code tandem.calls.rejected} (tags {@code type}, {@code code}): calls answered with an error</li>
 *   <li>{@code tandem.patches.delivered} and {@code tandem.patch.bytes} (tag {@code type}): patch frames and bytes sent</li>
 *   <li>{@code tandem.storage.write}: time to store one group of writes</li>
 *   <li>{@code tandem.timers.retried} and {@code tandem.timers.dropped} (tag {@code type}): timer runs that
 *       failed and were re-armed by the retry policy, and timers dropped after their last attempt</li>
 *   <li>{@code tandem.send.queue.bytes}, {@code tandem.send.queue.largest}: bytes waiting to be sent to
 *       WebSocket clients, in all and for the most behind connection</li>
 * </ul>
 */
@Singleton
public final class TandemMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, TypeMetrics> types = new ConcurrentHashMap<>();

    TandemMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("tandem.connections", connections, AtomicInteger::get)
                .description("Open WebSocket connections to live objects").register(registry);
    }

    /** @param activeInstances counts instances in memory */
    public void bindActiveInstances(Supplier<Number> activeInstances) {
        Gauge.builder("tandem.instances.active", activeInstances).description("Live-object instances in memory")
                .register(registry);
    }

    /**
     * @param total bytes waiting to be sent over every connection
     * @param largest the largest backlog of one connection
     */
    public void bindSendQueues(Supplier<Number> total, Supplier<Number> largest) {
        Gauge.builder("tandem.send.queue.bytes", total).baseUnit("bytes")
                .description("Bytes waiting to be sent to WebSocket clients").register(registry);
        Gauge.builder("tandem.send.queue.largest", largest).baseUnit("bytes")
                .description("The largest backlog of one WebSocket connection").register(registry);
    }

    /** @param delta connections opened (positive) or closed (negative) */
    public void connected(int delta) {
        connections.addAndGet(delta);
    }

    /** @return the number of open connections */
    public int connections() {
        return connections.get();
    }

    /**
     * @param type a live-object type
     * @return its meters
     */
    public TypeMetrics forType(String type) {
        return types.computeIfAbsent(type, TypeMetrics::new);
    }

    /** The meters of one live-object type. */
    public final class TypeMetrics {
        private final Timer duration;
        private final Counter ok;
        private final Counter failed;
        private final Counter delivered;
        private final Counter bytes;
        private final Counter timersRetried;
        private final Counter timersDropped;
        private final Map<ErrorCode, Counter> rejected = new EnumMap<>(ErrorCode.class);

        private TypeMetrics(String type) {
            duration = Timer.builder("tandem.turn.duration").tag("type", type).register(registry);
            ok = Counter.builder("tandem.turns").tag("type", type).tag("outcome", "ok").register(registry);
            failed = Counter.builder("tandem.turns").tag("type", type).tag("outcome", "failed").register(registry);
            delivered = Counter.builder("tandem.patches.delivered").tag("type", type).register(registry);
            bytes = Counter.builder("tandem.patch.bytes").baseUnit("bytes").tag("type", type).register(registry);
            timersRetried = Counter.builder("tandem.timers.retried").tag("type", type).register(registry);
            timersDropped = Counter.builder("tandem.timers.dropped").tag("type", type).register(registry);
            for (ErrorCode code : ErrorCode.values()) {
                rejected.put(code, Counter.builder("tandem.calls.rejected").tag("type", type).tag("code", code.code())
                        .register(registry));
            }
        }

        /**
         * @param nanos how long the turn took
         * @param succeeded whether it committed
         */
        public void turn(long nanos, boolean succeeded) {
            duration.record(nanos, TimeUnit.NANOSECONDS);
            (succeeded ? ok : failed).increment();
        }

        /** A timer's run failed and it was re-armed by the retry policy. */
        public void timerRetried() {
            timersRetried.increment();
        }

        /** A timer's run failed for the last time ({@code tandem.timers.retry.max-attempts}) and it was dropped. */
        public void timerDropped() {
            timersDropped.increment();
        }

        /** @param code why a call was answered with an error */
        public void rejected(ErrorCode code) {
            rejected.get(code).increment();
        }

        /**
         * @param recipients how many connections got the patch
         * @param size its size in bytes
         */
        public void broadcast(int recipients, int size) {
            delivered.increment(recipients);
            bytes.increment((double) recipients * size);
        }
    }
}
