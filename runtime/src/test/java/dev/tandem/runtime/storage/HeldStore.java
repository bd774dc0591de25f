package dev.tandem.runtime.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A store for the writer's tests: holds its first group until the test lets it go (so that the test
 * can queue more writes behind it), then answers each group as {@code outcome} says, recording what
 * it was asked to write. It stores nothing and loads nothing.
 */
class HeldStore implements StateStore {
    /** Each group's writes, as {@code id@expected->revision}, with {@code +snapshot} when it carries one. */
    final List<List<String>> groups = new CopyOnWriteArrayList<>();
    final CountDownLatch inFirstWrite = new CountDownLatch(1);
    final CountDownLatch letFirstGo = new CountDownLatch(1);
    private final Function<Integer, RuntimeException> outcome;

    /** @param outcome the failure for the group of this number (0 is the first), or {@code null} to succeed */
    HeldStore(Function<Integer, RuntimeException> outcome) {
        this.outcome = outcome;
    }

    @Override
    public Optional<StoredState> load(String type, String id, int recent) {
        return Optional.empty();
    }

    @Override
    public Optional<StoredState> loadAsOwner(String type, String id, int recent) {
        return Optional.empty();
    }

    @Override
    public List<StoredCall> loadCalls(String type, String id, long since) {
        return List.of();
    }

    @Override
    public void forgetCalls(long before) {
    }

    @Override
    public List<RuntimeException> write(List<StateWrite> writes) {
        int group = groups.size();
        if (group == 0) {
            inFirstWrite.countDown();
            try {
                letFirstGo.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<String> seen = new ArrayList<>();
        writes.forEach(w -> seen.add(w.id() + "@" + w.expectedRevision() + "->" + w.revision()
                + (w.snapshot() != null ? "+snapshot" : "")));
        groups.add(seen);
        return new ArrayList<>(Collections.nCopies(writes.size(), outcome.apply(group)));
    }

    @Override
    public List<String[]> dueTimers(long nowMillis, int limit) {
        return List.of();
    }

    /** @return every write that succeeded or not, in order, flattened */
    List<String> written() {
        List<String> all = new ArrayList<>();
        groups.forEach(all::addAll);
        return all;
    }
}
