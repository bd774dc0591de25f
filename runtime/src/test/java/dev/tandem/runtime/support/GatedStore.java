package dev.tandem.runtime.support;

import dev.tandem.runtime.storage.StateStore;
import dev.tandem.runtime.storage.StateWrite;
import dev.tandem.runtime.storage.StoredCall;
import dev.tandem.runtime.storage.StoredState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the real store (with {@code tandem.test.gated-store=true}) so tests can hold writes back,
 * let them through one group at a time,
 * make the next one fail, and count how writes were grouped and which instances were loaded. Reads and applied writes go to the
 * real database.
 */
@Singleton
@Requires(property = "tandem.test.gated-store", value = "true")
public final class GatedStore implements BeanCreatedEventListener<StateStore> {

    private final AtomicInteger failNext = new AtomicInteger();
    private boolean held; // guarded by this
    private int passes; // guarded by this: writes let through while held
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    public final AtomicInteger blockedWriters = new AtomicInteger();
    /** The instances loaded, as {@code type/id}, in order. */
    public final List<String> loads = new CopyOnWriteArrayList<>();

    /** Holds every write until {@link #open()} (or {@link #passOne()}). */
    public synchronized void close() {
        held = true;
        passes = 0;
    }

    public synchronized void open() {
        held = false;
        notifyAll();
    }

    /** While held, lets exactly one more group of writes through. */
    public synchronized void passOne() {
        passes++;
        notifyAll();
    }

    private synchronized void await() {
        while (held && passes == 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (held) {
            passes--;
        }
    }

    /** Makes the next {@code n} groups of writes fail as a database error would. */
    public void failNextWrites(int n) {
        failNext.set(n);
    }

    @Override
    public StateStore onCreated(BeanCreatedEvent<StateStore> event) {
        StateStore real = event.getBean();
        return new StateStore() {
            @Override
            public Optional<StoredState> load(String type, String id, int recent) {
                loads.add(type + "/" + id);
                return real.load(type, id, recent);
            }

            @Override
            public Optional<StoredState> loadAsOwner(String type, String id, int recent) {
                loads.add(type + "/" + id);
                return real.loadAsOwner(type, id, recent);
            }

            @Override
            public List<StoredCall> loadCalls(String type, String id, long since) {
                return real.loadCalls(type, id, since);
            }

            @Override
            public void forgetCalls(long before) {
                real.forgetCalls(before);
            }

            @Override
            public List<RuntimeException> write(List<StateWrite> writes) {
                blockedWriters.incrementAndGet();
                await();
                blockedWriters.decrementAndGet();
                batchSizes.add(writes.size());
                if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("simulated database failure");
                }
                return real.write(writes);
            }

            @Override
            public List<String[]> dueTimers(long nowMillis, int limit) {
                return real.dueTimers(nowMillis, limit);
            }

            @Override
            public void storeMigrated(String type, String id, long expectedRevision, String state, int schemaVersion,
                    String history, long ownerEpoch) {
                real.storeMigrated(type, id, expectedRevision, state, schemaVersion, history, ownerEpoch);
            }
        };
    }
}
