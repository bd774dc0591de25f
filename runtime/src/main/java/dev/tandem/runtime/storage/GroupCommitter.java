package dev.tandem.runtime.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.TandemConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: turns from every instance queue their writes here, and one writer thread applies
 * whatever has queued since its last transaction in a single batch. Under load a transaction
 * carries many turns, and several queued writes of the same instance collapse into one (only its
 * latest state is written, conditional on the revision its first write expected). Each write's
 * listener hears once it is stored, so results and broadcasts are released only after that.
 */
@Singleton
public final class GroupCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    /** Hears how a write ended; called on the writer thread. */
    public interface Listener {
        /** @param revision the revision now stored */
        void stored(long revision);

        /** @param failure why nothing was stored */
        void failed(RuntimeException failure);
    }

    /**
     * A write waiting to be applied.
     *
     * @param owner identifies the instance; writes of one owner are applied in order and may merge
     * @param type the live-object type
     * @param id the instance ID
     * @param expectedRevision the revision storage must hold, or 0 to insert
     * @param revision the revision being written
     * @param state the stored fields at {@code revision}, written as a snapshot when one is due; or
     *     {@code null} when none can be ({@link #snapshotMayBeDue})
     * @param log the patches since {@code expectedRevision}, consecutive, ending at {@code revision}
     *     when it is above {@code expectedRevision}
     * @param history the instance's history ID
     * @param ownerEpoch the owner epoch the activation took ({@link StateStore#loadAsOwner}); the write
     *     applies only while storage holds it
     * @param timers pending timers, or {@code null}
     * @param wakeAt when the earliest timer is due, or {@code null}
     * @param calls the calls whose turns this write stores
     * @param cursor where the owner's log stands; one per activation, touched only by the writer
     * @param listener hears the outcome
     */
    public record Pending(Object owner, String type, String id, long expectedRevision, long revision, JsonNode state,
            List<PatchEntry> log, String history, long ownerEpoch, JsonNode timers, Long wakeAt, List<StoredCall> calls,
            LogCursor cursor, Listener listener) {
    }

    /** Where one activation's log stands: its snapshot, and the bytes of patches logged after it. */
    public static final class LogCursor {
        // written by the writer thread, read by the instance's turn thread to know when to send the state
        private volatile long snapshotRevision;
        private volatile long loggedBytes;
        private volatile boolean snapshotNext;
        /** Characters of patches this activation has had stored in all. */
        private volatile long storedBytes;
        private boolean failed;

        /** @param snapshotRevision the revision of the stored snapshot (the revision of an instance not yet stored) */
        public LogCursor(long snapshotRevision) {
            this(snapshotRevision, 0, false);
        }

        /**
         * @param snapshotRevision the revision of the stored snapshot
         * @param loggedBytes characters of patches logged after it, so that {@code snapshot-bytes} counts
         *     across activations
         * @param snapshotNext whether the next write must carry the whole state: the activation's state,
         *     as the object writes it, differs from the stored one (a field added to the class, a set
         *     read back in another order), so later patches would not apply to what is stored
         */
        public LogCursor(long snapshotRevision, long loggedBytes, boolean snapshotNext) {
            this.snapshotRevision = snapshotRevision;
            this.loggedBytes = loggedBytes;
            this.snapshotNext = snapshotNext;
        }
    }

    /** A patch larger than this (characters of JSON) is not kept in the log: a snapshot is written instead. */
    static final int MAX_LOGGED_PATCH = 100_000;

    private final StateStore store;
    private final int maxBatch;
    private final int snapshotEvery;
    private final long snapshotBytes;
    private final int logRetention;
    private final Counter bytesWritten;
    private final Counter snapshots;
    private final long commitDelayNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Timer writeTimer;
    private volatile boolean running = true;
    private boolean closed; // guarded by queue: once set, nothing more is queued

    GroupCommitter(StateStore store, TandemConfiguration config, MeterRegistry meters) {
        this.store = store;
        this.maxBatch = config.getStorage().getMaxBatch();
        this.snapshotEvery = config.getStorage().getSnapshotEvery();
        this.snapshotBytes = config.getStorage().getSnapshotBytes();
        this.logRetention = config.getStorage().getLogRetention();
        this.bytesWritten = Counter.builder("tandem.storage.written").baseUnit("bytes")
                .description("Characters of JSON state written: snapshots and logged patches").register(meters);
        this.snapshots = Counter.builder("tandem.storage.snapshots")
                .description("Writes that stored an instance's whole state").register(meters);
        this.commitDelayNanos = config.getStorage().getCommitDelay().toNanos();
        this.writeTimer = Timer.builder("tandem.storage.write").description("Time to store one group of writes")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.writer = new Thread(this::run, "tandem-storage");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** @param write a write to apply soon */
    public void submit(Pending write) {
        synchronized (queue) {
            if (!closed) {
                queue.add(write);
                return;
            }
        }
        write.listener().failed(new IllegalStateException("the server has shut down; nothing was stored"));
    }

    private void run() {
        List<Pending> drained = new ArrayList<>();
        List<Pending> carried = new ArrayList<>(); // held back from the last group: see coalesce
        boolean loaded = false;
        while (running || !queue.isEmpty() || !carried.isEmpty()) {
            try {
                Pending first = carried.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll();
                if (first == null && carried.isEmpty()) {
                    loaded = false;
                    continue;
                }
                if (loaded && commitDelayNanos > 0) {
                    // Writes were already waiting when the last group finished: the store is busy.
                    // Waiting a moment lets more turns fold into this group, so a hot instance pays
                    // for fewer commits; an idle writer commits at once.
                    LockSupport.parkNanos(commitDelayNanos);
                }
                drained.addAll(carried); // older than anything still queued
                carried.clear();
                if (first != null) {
                    drained.add(first);
                }
                queue.drainTo(drained, Math.max(0, maxBatch - drained.size()));
                apply(coalesce(drained, carried));
                loaded = !queue.isEmpty() || !carried.isEmpty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Tandem's storage writer failed unexpectedly; the writes of this group were failed", e);
                drained.forEach(p -> p.listener().failed(e));
            } finally {
                drained.clear();
            }
        }
        synchronized (queue) {
            closed = true;
        }
        queue.drainTo(drained); // submitted while the loop was ending: still stored, and answered
        List<Pending> rest = drained;
        while (!rest.isEmpty()) {
            List<Pending> next = new ArrayList<>();
            apply(coalesce(rest, next));
            rest = next;
        }
    }

    /**
     * Folds each instance's queued writes into one: the newest revision, the log and calls of all. A
     * write that carries the state (a snapshot may be due) is not folded into a newer one that does
     * not: the newer one, and the instance's writes after it, wait for the next group instead, so
     * the state read for the snapshot is not thrown away (and read again).
     *
     * @param carry receives the writes held back for the next group
     */
    private static List<Pending> coalesce(List<Pending> drained, List<Pending> carry) {
        Map<Object, Pending> latest = new LinkedHashMap<>();
        java.util.Set<Object> held = new java.util.HashSet<>();
        for (Pending p : drained) {
            if (held.contains(p.owner())) {
                carry.add(p);
                continue;
            }
            Pending older = latest.get(p.owner());
            if (older != null && older.state() != null && p.state() == null) {
                held.add(p.owner());
                carry.add(p);
                continue;
            }
            latest.merge(p.owner(), p, (o, newer) -> new Pending(newer.owner(), newer.type(), newer.id(),
                    o.expectedRevision(), newer.revision(), newer.state(), concat(o.log(), newer.log()),
                    newer.history(), newer.ownerEpoch(), newer.timers(), newer.wakeAt(),
                    concat(o.calls(), newer.calls()),
                    newer.cursor(), newer.listener())); // its revision covers the older one
        }
        return new ArrayList<>(latest.values());
    }

    private static <E> List<E> concat(List<E> older, List<E> newer) {
        if (older.isEmpty() || newer.isEmpty()) {
            return older.isEmpty() ? newer : older;
        }
        List<E> all = new ArrayList<>(older.size() + newer.size());
        all.addAll(older);
        all.addAll(newer);
        return all;
    }

    private void apply(List<Pending> all) {
        List<Pending> group = new ArrayList<>(all.size());
        for (Pending p : all) {
            if (p.cursor().failed) { // queued before an earlier write of its activation failed: never applied
                p.listener().failed(new IllegalStateException("an earlier write of this activation of " + p.type()
                        + "/" + p.id() + " failed, so this one, which builds on it, was not applied"));
            } else {
                group.add(p);
            }
        }
        if (group.isEmpty()) {
            return;
        }
        List<StateWrite> writes = new ArrayList<>(group.size());
        long[] logged = new long[group.size()];
        for (java.util.Iterator<Pending> it = group.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            try {
                writes.add(toWrite(p, logged, writes.size()));
            } catch (RuntimeException e) { // a write that can't be made: its activation reloads
                LOG.error("Storing {}/{} failed: {}", p.type(), p.id(), e.getMessage());
                it.remove();
                p.cursor().failed = true;
                p.listener().failed(e);
            }
        }
        if (group.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<RuntimeException> outcomes;
        try {
            outcomes = store.write(writes);
        } catch (RuntimeException e) {
            LOG.error("Storing {} instance(s) failed: {}", writes.size(), e.toString());
            outcomes = java.util.Collections.nCopies(writes.size(), e);
        }
        writeTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            RuntimeException failure = outcomes.get(i);
            if (failure == null) {
                StateWrite w = writes.get(i);
                if (w.snapshot() != null) {
                    p.cursor().snapshotRevision = p.revision();
                    p.cursor().loggedBytes = 0;
                    p.cursor().snapshotNext = false;
                    snapshots.increment();
                    bytesWritten.increment(w.snapshot().length());
                } else {
                    p.cursor().loggedBytes += logged[i];
                }
                p.cursor().storedBytes += logged[i];
                if (p.expectedRevision() != 0) { // an insert writes no log rows
                    bytesWritten.increment(logged[i]);
                }
                p.listener().stored(p.revision());
            } else {
                p.cursor().failed = true; // the activation's later writes build on this one: fence them
                p.listener().failed(failure);
            }
        }
    }

    /**
     * Makes the write: its patches for the log, and the whole state too when a snapshot is due (an
     * insert; {@code snapshot-every} revisions or {@code snapshot-bytes} of log since the last one; a
     * patch too large to log), which also compacts the log to {@code log-retention} revisions.
     */
    private StateWrite toWrite(Pending p, long[] logged, int index) {
        String timers = p.timers() == null ? null : StoredJson.text(p.timers());
        if (p.expectedRevision() == 0) {
            logged[index] = loggedBytes(p.log()); // patches folded into the insert: counted as stored, as queued
            return new StateWrite(p.type(), p.id(), 0, p.revision(), StoredJson.text(p.state()), List.of(), p.history(),
                    p.ownerEpoch(), 0, timers, p.wakeAt(), p.calls());
        }
        List<StoredPatch> patches = new ArrayList<>(p.log().size());
        long bytes = 0;
        boolean tooLarge = false;
        for (PatchEntry e : p.log()) {
            String ops = e.text();
            if (ops.length() > MAX_LOGGED_PATCH) {
                tooLarge = true;
                ops = null;
            } else {
                bytes += ops.length();
            }
            patches.add(new StoredPatch(e.revision(), e.baseRevision(), ops));
        }
        logged[index] = bytes;
        LogCursor cursor = p.cursor();
        if (p.state() == null && (tooLarge || cursor.snapshotNext)) {
            throw new IllegalStateException("a write of " + p.type() + "/" + p.id() + " to revision " + p.revision()
                    + " must carry a snapshot but was queued without the state"); // the instance sends the state with these
        }
        boolean snapshot = p.state() != null && (tooLarge || cursor.snapshotNext
                || p.revision() - cursor.snapshotRevision >= snapshotEvery || cursor.loggedBytes + bytes >= snapshotBytes);
        return new StateWrite(p.type(), p.id(), p.expectedRevision(), p.revision(),
                snapshot ? StoredJson.text(p.state()) : null, patches, p.history(), p.ownerEpoch(),
                snapshot ? Math.max(0, p.revision() - logRetention) : 0, timers, p.wakeAt(), p.calls());
    }

    /**
     * Whether a snapshot may be due with a write about to be queued (by {@code snapshot-every} or
     * {@code snapshot-bytes}), so that it should carry the state: asked on the instance's turn
     * thread, so that the whole state is read into JSON only when a snapshot may be due rather than
     * on every write. It answers yes whenever the writer could find one due; the writer defers a due
     * snapshot to a later write that carries the state. Writes that must carry it (an insert, a patch
     * too large to log, the first write of an activation whose state is not what is stored) are the
     * caller's to tell: see {@link #tooLarge} and {@link #snapshotNext}.
     *
     * @param cursor the activation's cursor
     * @param revision the revision it writes
     * @param unstoredBytes characters of log ({@link #loggedBytes}) queued and not yet stored, its own included
     * @return whether to read the state into the write
     */
    public boolean snapshotMayBeDue(LogCursor cursor, long revision, long unstoredBytes) {
        return revision - cursor.snapshotRevision >= snapshotEvery || cursor.loggedBytes + unstoredBytes >= snapshotBytes;
    }

    /**
     * @param log patches about to be queued
     * @return the characters of them the log will keep (a patch too large to log is not kept: its
     *     write is a snapshot), as {@code snapshot-bytes} and {@link #storedBytes} count them
     */
    public static long loggedBytes(List<PatchEntry> log) {
        long bytes = 0;
        for (PatchEntry e : log) {
            if (e.text().length() <= MAX_LOGGED_PATCH) {
                bytes += e.text().length();
            }
        }
        return bytes;
    }

    /**
     * @param cursor an activation's cursor
     * @return whether its next write must be a snapshot (until one is stored)
     */
    public static boolean snapshotNext(LogCursor cursor) {
        return cursor.snapshotNext;
    }

    /**
     * @param cursor an activation's cursor
     * @return characters of patches that activation has had stored in all, to tell what is still in flight
     */
    public static long storedBytes(LogCursor cursor) {
        return cursor.storedBytes;
    }

    /**
     * @param log patches about to be queued
     * @return whether one is too large to log, so that its write carries a snapshot
     */
    public static boolean tooLarge(List<PatchEntry> log) {
        for (PatchEntry e : log) {
            if (e.text().length() > MAX_LOGGED_PATCH) {
                return true;
            }
        }
        return false;
    }

    /** Applies what is queued, then stops the writer. */
    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        writer.join(10_000);
    }
}
