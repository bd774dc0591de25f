package dev.tandem.runtime.internal;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Holds a turn's outputs (broadcasts, results, snapshots for joining clients) until the state they
 * reveal is stored: durable before visible. Outputs leave in the order they were added, so clients
 * see revisions in order; each waits for the latest stored change made before it.
 */
final class OutputGate {

    /** An output and the stored revision it waits for. */
    private record Entry(long needs, Runnable release, Consumer<String> fail) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    /** The highest revision known to be stored. */
    private long stored;

    /**
     * @param needs the revision that must be stored first
     * @param release sends the output
     * @param fail tells the recipient it will never come (the reason is for the client)
     */
    void add(long needs, Runnable release, Consumer<String> fail) {
        if (entries.isEmpty() && needs <= stored) {
            release.run(); // nothing to wait for, nothing ahead of it: it leaves now, not at the end of the batch
        } else {
            entries.add(new Entry(needs, release, fail));
        }
    }

    /** @param stored the highest revision known to be stored; releases what waited for it, in order */
    void releaseUpTo(long stored) {
        this.stored = Math.max(this.stored, stored);
        while (!entries.isEmpty() && entries.peekFirst().needs() <= stored) {
            entries.pollFirst().release().run();
        }
    }

    /** @param reason why nothing held will be sent; tells every recipient */
    void failAll(String reason) {
        for (Entry e = entries.pollFirst(); e != null; e = entries.pollFirst()) {
            e.fail().accept(reason);
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
