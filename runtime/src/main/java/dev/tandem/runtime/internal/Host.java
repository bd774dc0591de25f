package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.LiveContext;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.LiveObjectRegistry;
import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.metrics.TandemMetrics;
import dev.tandem.runtime.storage.GroupCommitter;
import dev.tandem.runtime.storage.PatchLog;
import dev.tandem.runtime.storage.StateStore;
import dev.tandem.runtime.storage.StoredCall;
import dev.tandem.runtime.storage.StoredState;
import dev.tandem.spi.Dependencies;
import dev.tandem.spi.LiveObjectDefinition;
import dev.tandem.spi.StateMachine;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.exceptions.NoSuchBeanException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts live objects: one {@link LiveInstance} per {@code (type, id)} in memory, activated on first
 * use (loaded from storage, or created), and passivated when idle. Every message for an instance
 * goes through {@link #post}, which reaches whichever activation is current.
 */
@Context // created at startup: a database problem stops the server instead of failing the first client
public final class Host {

    private static final Logger LOG = LoggerFactory.getLogger(Host.class);

    private final ConcurrentHashMap<InstanceKey, LiveInstance<?>> instances = new ConcurrentHashMap<>();
    private final LiveObjectRegistry registry;
    private final StateStore store;
    private final GroupCommitter committer;
    private final TandemConfiguration config;
    private final TandemMetrics metrics;
    private final BeanContext beans;
    private final Clock clock;
    private final ExecutorService loaders;
    private final ExecutorService turnExecutor;
    private final ScheduledExecutorService scheduler;
    private final TimerScheduler timerScheduler;
    private final TimerRetries retries;
    private final Map<String, List<StateMachine.Timed>> timed = new HashMap<>();
    /** This server as a cluster member, or {@code null} when it runs alone (tandem.cluster.enabled false). */
    private final Cluster cluster;

    Host(LiveObjectRegistry registry, StateStore store, GroupCommitter committer, TandemConfiguration config,
            TandemMetrics metrics, BeanContext beans, @Named(TaskExecutors.BLOCKING) ExecutorService loaders,
            Environment environment) {
        for (LiveObjectDefinition<?> definition : registry.all()) {
            try {
                timed.put(definition.typeName(), TimedDelays.resolve(definition,
                        key -> environment.getProperty(key, String.class)));
            } catch (IllegalStateException e) {
                throw new ConfigurationException("Live-object type '" + definition.typeName() + "': " + e.getMessage());
            }
        }
        this.registry = registry;
        this.store = store;
        this.committer = committer;
        this.config = config;
        this.metrics = metrics;
        this.beans = beans;
        this.clock = beans.findBean(Clock.class).orElse(Clock.systemUTC());
        this.retries = new TimerRetries(config.getTimers().getRetry());
        this.loaders = loaders;
        this.turnExecutor = Executors.newFixedThreadPool(config.getExecutor().effectiveThreads(), daemon("tandem-turn"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("tandem-timers"));
        this.timerScheduler = beans.findBean(TimerScheduler.class).orElseGet(() -> (task, at) -> {
            java.util.concurrent.ScheduledFuture<?> f = scheduler.schedule(task, Math.max(0, at - clock.millis()),
                    TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        });
        this.cluster = config.getCluster().isEnabled() ? new Cluster(this, config) : null;
        metrics.bindActiveInstances(instances::size);
        long sweep = config.getPassivation().getSweepInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        long forget = Math.max(1000, Math.min(60_000, config.getResume().getCallCacheTime().toMillis() / 2));
        scheduler.scheduleWithFixedDelay(() -> loaders.execute(this::forgetOldCalls), forget, forget, TimeUnit.MILLISECONDS);
        long poll = config.getTimers().getPollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> loaders.execute(this::wakeDueInstances), 0, poll, TimeUnit.MILLISECONDS);
        if (cluster != null) {
            cluster.start(); // joins once every field it may reach is set
        }
    }

    /**
     * Delivers a message to the current activation of an instance, activating it if the message
     * needs it ({@link InstanceMessage#activates}); others for an instance not in memory are dropped.
     *
     * @param key the instance
     * @param message the message
     * @throws LiveObjectException {@code not_found} if the type does not exist
     */
    void post(InstanceKey key, InstanceMessage message) {
        LiveObjectDefinition<?> definition = registry.require(key.type());
        if (cluster != null && InstanceMessage.activates(message) && !cluster.ownsHere(key)) {
            moved(key, message); // its server sends it on to the owner
            return;
        }
        while (true) {
            LiveInstance<?> instance = instances.get(key);
            if (instance == null) {
                if (!InstanceMessage.activates(message)) {
                    return; // a leave, lag or resync of a connection that left with the activation
                }
                if (instances.size() >= config.getPassivation().getMaxActiveInstances() && !makeRoom()) {
                    fail(message, ErrorCode.UNAVAILABLE, "the server holds " + instances.size()
                            + " active instances, its limit (tandem.passivation.max-active-instances), and all are in"
                            + " use; try again later");
                    return;
                }
                LiveInstance<?> fresh = newInstance(key, definition);
                instance = instances.putIfAbsent(key, fresh);
                if (instance == null) {
                    instance = fresh;
                    activate(fresh, message instanceof InstanceMessage.Read r && !ServerCaller.is(r.caller()));
                }
            }
            if (instance.offer(message)) {
                return;
            }
            instances.remove(key, instance);
        }
    }

    /**
     * @param type a registered type
     * @return its timed transitions with the delays resolved from configuration at start
     */
    List<StateMachine.Timed> timed(String type) {
        return timed.getOrDefault(type, List.of());
    }

    private <T> LiveInstance<T> newInstance(InstanceKey key, LiveObjectDefinition<T> definition) {
        return new LiveInstance<>(key, this, definition, metrics.forType(key.type()));
    }

    /** @param mustExist a client's read activates it: if it was never stored, it is not created */
    private void activate(LiveInstance<?> instance, boolean mustExist) {
        loaders.execute(() -> {
            try {
                Optional<StoredState> stored = store.loadAsOwner(instance.key.type(), instance.key.id(),
                        config.getResume().getBufferSize());
                if (stored.isEmpty() && mustExist) {
                    instances.remove(instance.key, instance);
                    instance.mailbox.close();
                    instance.mailbox.drain(m -> {
                        if (m instanceof InstanceMessage.Read r && !ServerCaller.is(r.caller())) {
                            r.reply().completeExceptionally(notFound(instance.key));
                        } else {
                            repost(instance.key, m); // a join or call that came meanwhile creates it
                        }
                    });
                    return;
                }
                List<StoredCall> calls = stored.isEmpty() ? List.of()
                        : store.loadCalls(instance.key.type(), instance.key.id(), oldestCallKept());
                LiveInstance.StoredData data = stored.map(s -> parse(s, calls)).orElse(null);
                com.fasterxml.jackson.databind.node.ObjectNode migrated = data == null ? null
                        : SchemaMigration.migrate(instance.key, instance.definition(), stored.get().schemaVersion(),
                                data.state());
                if (migrated != null) { // a new snapshot at the class's version, a new history; the old log goes
                    data = new LiveInstance.StoredData(data.revision() + 1, migrated, data.timers(), data.calls(),
                            data.revision() + 1, LiveInstance.newId(), List.of(), data.ownerEpoch());
                }
                try {
                    instance.activate(data);
                } catch (dev.tandem.spi.JsonDecodeException e) {
                    if (migrated == null) {
                        throw e;
                    }
                    throw new IllegalStateException("Its state migrated from schema version "
                            + stored.get().schemaVersion() + " to " + instance.definition().version()
                            + " does not fit " + instance.definition().javaType().getName() + " (" + e.getMessage()
                            + "); fix the @Migrate methods. It stays stored at version " + stored.get().schemaVersion()
                            + ", unchanged", e);
                }
                if (migrated != null) { // stored only once it restored into the object: nothing half-written
                    store.storeMigrated(instance.key.type(), instance.key.id(), data.revision() - 1,
                            dev.tandem.runtime.storage.StoredJson.text(instance.storedState()), instance.definition().version(),
                            data.history(), data.ownerEpoch());
                    LOG.info("Migrated {} from schema version {} to {}", instance.key, stored.get().schemaVersion(),
                            instance.definition().version());
                }
                instance.mailbox.resume();
            } catch (Throwable e) {
                LOG.error("Activating {} failed", instance.key, e);
                instances.remove(instance.key, instance);
                instance.mailbox.close();
                String reason = instance.key + " could not be loaded: " + rootMessage(e);
                instance.mailbox.drain(m -> fail(m, ErrorCode.UNAVAILABLE, reason));
            }
        });
    }

    private static LiveInstance.StoredData parse(StoredState stored, List<StoredCall> calls) {
        try {
            JsonNode state = PatchLog.replay(stored);
            JsonNode timers = stored.timers() == null ? null : Frames.JSON.readTree(stored.timers());
            return new LiveInstance.StoredData(stored.revision(), state, timers, calls, stored.snapshotRevision(),
                    stored.history(), stored.log(), stored.ownerEpoch());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("its stored state is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
    }

    /** @return the answer to a client's read of an instance that was never created */
    static LiveObjectException notFound(InstanceKey key) {
        return new LiveObjectException(ErrorCode.NOT_FOUND, key + " does not exist: reading never creates an instance."
                + " Connect to it or call one of its actions to create it");
    }

    /** Answers a message that will not be handled. */
    static void fail(InstanceMessage message, ErrorCode code, String reason) {
        if (message instanceof InstanceMessage.Call call) {
            call.reply().accept(Outcome.failed(code, reason));
        } else if (message instanceof InstanceMessage.Join join) {
            join.connection().sink().send(Frames.error(null, code, reason));
            join.connection().sink().close(4503, reason);
        } else if (message instanceof InstanceMessage.Read read) {
            read.reply().completeExceptionally(new LiveObjectException(code, reason));
        }
    }

    /** The answer to a message for an instance another server owns now (cluster). */
    static void moved(InstanceKey key, InstanceMessage message) {
        if (message instanceof InstanceMessage.Call call) {
            call.reply().accept(Outcome.MOVED);
        } else if (message instanceof InstanceMessage.Join join) {
            join.connection().gone = true;
            join.connection().sink().moved(key + " moved to another server");
        } else if (message instanceof InstanceMessage.Read read) {
            read.reply().completeExceptionally(new Moved(key));
        }
    }

    /** A write of this server's copy was refused: another server took the instance over. */
    void fenced(InstanceKey key) {
        if (cluster != null) {
            cluster.fenced(key);
        }
    }

    /** A read of an instance another server owns now: its server asks the owner. */
    static final class Moved extends LiveObjectException {
        Moved(InstanceKey key) {
            super(ErrorCode.UNAVAILABLE, key + " moved to another server");
        }
    }

    /**
     * Hands over the instances in memory that this server must not run (cluster).
     *
     * @param notHere which keys
     */
    void handOff(java.util.function.Predicate<InstanceKey> notHere) {
        for (LiveInstance<?> instance : instances.values()) {
            if (notHere.test(instance.key)) {
                instance.offer(new InstanceMessage.Handoff());
            }
        }
    }

    /** Asks the least recently used idle instances to leave memory; {@code false} if none is idle. */
    private boolean makeRoom() {
        List<LiveInstance<?>> idle = instances.values().stream().filter(i -> !i.hasConnections())
                .sorted(Comparator.comparingLong(LiveInstance::lastActivity)).limit(8).toList();
        long now = clock.millis();
        idle.forEach(i -> i.offer(new InstanceMessage.Tick(now, true)));
        return !idle.isEmpty();
    }

    private void sweep() {
        long now = clock.millis();
        for (LiveInstance<?> instance : instances.values()) {
            instance.offer(new InstanceMessage.Tick(now, false));
        }
    }

    /** @return the time before which stored calls are forgotten (tandem.resume.call-cache-time ago) */
    private long oldestCallKept() {
        return clock.millis() - config.getResume().getCallCacheTime().toMillis();
    }

    /** Stored calls older than the call cache keeps them: their clients had their chance to resend. */
    private void forgetOldCalls() {
        try {
            store.forgetCalls(oldestCallKept());
        } catch (RuntimeException e) {
            LOG.warn("Deleting old stored calls failed: {}", e.toString());
        }
    }

    private void wakeDueInstances() {
        try {
            long horizon = clock.millis() + config.getTimers().getPollInterval().toMillis();
            for (String[] due : store.dueTimers(horizon, 500)) {
                InstanceKey key = new InstanceKey(due[0], due[1]);
                if (!instances.containsKey(key) && (cluster == null || cluster.ownsHere(key))) {
                    try {
                        post(key, new InstanceMessage.Wake());
                    } catch (LiveObjectException e) {
                        LOG.warn("{} has a timer due, but its type is gone: {}", key, e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Looking for due timers failed: {}", e.toString());
        }
    }

    /**
     * A client connects to an instance.
     *
     * @param key the instance
     * @param connection the connection
     * @param resumeRevision the revision the client has, or -1
     * @param resumeEpoch the epoch of that revision, or {@code null}
     */
    public void join(InstanceKey key, ClientConnection connection, long resumeRevision, String resumeEpoch) {
        if (cluster != null) {
            registry.require(key.type());
            cluster.front().join(key, connection, resumeRevision, resumeEpoch);
            return;
        }
        post(key, new InstanceMessage.Join(connection, resumeRevision, resumeEpoch));
    }

    /** @param key the instance @param connection a connection that ended */
    public void leave(InstanceKey key, ClientConnection connection) {
        if (cluster != null) {
            cluster.front().leave(key, connection);
            return;
        }
        post(key, new InstanceMessage.Leave(connection));
    }

    /** @param key the instance @param connection a connection that stopped reading */
    public void lagged(InstanceKey key, ClientConnection connection) {
        if (cluster != null) {
            cluster.front().lagged(key, connection);
            return;
        }
        post(key, new InstanceMessage.Lagged(connection));
    }

    /** @param key the instance @param connection a connection that caught up */
    public void resync(InstanceKey key, ClientConnection connection) {
        if (cluster != null) {
            cluster.front().resync(key, connection);
            return;
        }
        post(key, new InstanceMessage.Resync(connection));
    }

    /**
     * Calls an action.
     *
     * @param key the instance
     * @param action the action
     * @param arguments JSON array or object, or {@code null}
     * @param caller who calls
     * @param clientId scopes {@code callId} for at-most-once calls, or {@code null}
     * @param callId the client's ID of the call, or {@code null}
     * @param reply receives the outcome, on an instance thread
     */
    public void call(InstanceKey key, String action, JsonNode arguments, dev.tandem.Caller caller, String clientId,
            JsonNode callId, java.util.function.Consumer<Outcome> reply) {
        if (cluster != null) {
            registry.require(key.type());
            cluster.front().call(key, action, arguments, caller, clientId, callId, reply);
            return;
        }
        post(key, new InstanceMessage.Call(action, arguments, caller, clientId, callId, reply, System.nanoTime()));
    }

    /**
     * @param key the instance
     * @param caller who reads, or {@code null} for the server itself
     * @return completes with a snapshot once its state is stored
     */
    public java.util.concurrent.CompletableFuture<dev.tandem.runtime.Snapshot> read(InstanceKey key,
            dev.tandem.Caller caller) {
        if (cluster != null) {
            registry.require(key.type());
            return cluster.front().read(key, caller);
        }
        return readHere(key, caller);
    }

    /** A read of an instance this server runs. */
    java.util.concurrent.CompletableFuture<dev.tandem.runtime.Snapshot> readHere(InstanceKey key,
            dev.tandem.Caller caller) {
        var reply = new java.util.concurrent.CompletableFuture<dev.tandem.runtime.Snapshot>();
        post(key, new InstanceMessage.Read(caller, reply));
        return reply;
    }

    /**
     * Closes every connection to an instance that is in memory; clients reconnect.
     *
     * @param key the instance
     * @return whether it was in memory
     */
    public boolean closeConnections(InstanceKey key) {
        LiveInstance<?> instance = instances.get(key);
        return instance != null && instance.offer(new InstanceMessage.CloseConnections(1012,
                "the server closed the connection; reconnect"));
    }

    /** Called by an instance that left memory. */
    void removed(LiveInstance<?> instance) {
        instances.remove(instance.key, instance);
    }

    /** Re-delivers a message that was queued for an activation that has ended. */
    void repost(InstanceKey key, InstanceMessage message) {
        if (InstanceMessage.activates(message)) {
            post(key, message);
        }
    }

    Dependencies dependencies(LiveContext context) {
        return new Dependencies() {
            @Override
            public <D> D bean(Class<D> type) {
                try {
                    return beans.getBean(type);
                } catch (NoSuchBeanException e) {
                    throw new IllegalStateException("live object " + context.typeName() + " takes a " + type.getName()
                            + " in its constructor, but the application defines no such bean. Declare one"
                            + " (for example with @Singleton), or remove the parameter.", e);
                }
            }

            @Override
            public LiveContext context() {
                return context;
            }
        };
    }

    /**
     * @param key an instance, or {@code null}
     * @return the cluster as this server sees it (and who owns {@code key}), or empty when it runs alone
     */
    public Optional<Map<String, Object>> clusterStatus(InstanceKey key) {
        return cluster == null ? Optional.empty() : Optional.of(cluster.status(key));
    }

    /** @return this server as a cluster member, or {@code null} when it runs alone */
    Cluster cluster() {
        return cluster;
    }

        /** @return how many instances are in memory */
    public int activeInstances() {
        return instances.size();
    }

    TandemConfiguration config() {
        return config;
    }

    TandemMetrics metrics() {
        return metrics;
    }

    GroupCommitter committer() {
        return committer;
    }

    TimerRetries retries() {
        return retries;
    }

    Clock clock() {
        return clock;
    }

    ExecutorService turnExecutor() {
        return turnExecutor;
    }

    TimerScheduler timerScheduler() {
        return timerScheduler;
    }

    /**
     * Closes every connection to every instance in memory, each once the outputs its instance holds
     * for storage (results of calls that ran) have gone out.
     *
     * @param code the WebSocket close code
     * @param reason why, for the clients
     */
    public void closeAllConnections(int code, String reason) {
        if (cluster != null) { // instances hand over; clients of other servers move, this server's are closed
            cluster.leave(code, reason, config.getShutdown().getGracePeriod().toMillis());
            return;
        }
        for (LiveInstance<?> instance : instances.values()) {
            instance.offer(new InstanceMessage.CloseConnections(code, reason));
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        scheduler.shutdownNow();
        closeAllConnections(1001, "the server is shutting down; reconnect");
        if (cluster != null) {
            cluster.close();
        }
        turnExecutor.shutdown();
        turnExecutor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
