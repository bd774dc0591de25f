package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** One instance's messages run one at a time, in the order posted, in batches, with nothing run while suspended or closed. */
class MailboxTest {

    /** An executor that runs nothing until told, so each scheduling is visible. */
    private final ArrayDeque<Runnable> scheduled = new ArrayDeque<>();
    private final List<String> log = new ArrayList<>();

    private Mailbox<String> mailbox(int batchSize, boolean suspended) {
        return new Mailbox<>(scheduled::add, log::add, () -> log.add("|"), batchSize, suspended);
    }

    private void runScheduled() {
        for (Runnable r = scheduled.poll(); r != null; r = scheduled.poll()) {
            r.run();
        }
    }

    @Test
    void messagesRunInOrderInBatchesWithOneSchedulingAtATime() {
        Mailbox<String> box = mailbox(2, false);
        assertTrue(box.offer("a"));
        assertTrue(box.offer("b"));
        assertTrue(box.offer("c"));
        assertEquals(1, scheduled.size(), "one scheduling however many messages are waiting");
        scheduled.poll().run();
        assertEquals(List.of("a", "b", "|"), log, "a batch of two, then afterBatch");
        assertEquals(1, scheduled.size(), "the rest is scheduled again");
        runScheduled();
        assertEquals(List.of("a", "b", "|", "c", "|"), log);
        assertTrue(box.isEmpty());
        assertTrue(scheduled.isEmpty(), "an idle mailbox holds no thread");
    }

    @Test
    void aSuspendedMailboxQueuesUntilResumed() {
        Mailbox<String> box = mailbox(8, true);
        box.offer("a");
        box.offer("b");
        assertTrue(scheduled.isEmpty());
        assertFalse(box.isEmpty());
        box.resume();
        runScheduled();
        assertEquals(List.of("a", "b", "|"), log);
    }

    @Test
    void aClosedMailboxRefusesNewMessagesAndLeavesQueuedOnesForDrain() {
        Mailbox<String> box = mailbox(8, true);
        box.offer("a");
        box.offer("b");
        assertFalse(box.isClosed());
        box.close();
        assertTrue(box.isClosed());
        assertFalse(box.offer("c"), "the caller must route it elsewhere");
        box.resume();
        runScheduled();
        assertEquals(List.of(), log, "nothing runs after close, not even afterBatch");
        List<String> drained = new ArrayList<>();
        box.drain(drained::add);
        assertEquals(List.of("a", "b"), drained);
        assertTrue(box.isEmpty());
    }

    @Test
    void closingDuringABatchStopsItBeforeTheNextMessage() {
        List<String> ran = new ArrayList<>();
        Mailbox<String>[] self = new Mailbox[1];
        self[0] = new Mailbox<>(scheduled::add, m -> {
            ran.add(m);
            self[0].close();
        }, () -> ran.add("|"), 8, false);
        self[0].offer("a");
        self[0].offer("b");
        runScheduled();
        assertEquals(List.of("a"), ran);
        assertFalse(self[0].isEmpty());
        assertTrue(scheduled.isEmpty(), "a closed mailbox is not scheduled again: its messages wait for drain");
    }

    @Test
    void aRejectingExecutorLeavesTheMailboxSchedulableLater() {
        boolean[] reject = {true};
        ArrayDeque<Runnable> later = new ArrayDeque<>();
        Mailbox<String> box = new Mailbox<>(r -> {
            if (reject[0]) {
                throw new RejectedExecutionException("stopping");
            }
            later.add(r);
        }, log::add, () -> { }, 8, false);
        assertTrue(box.offer("a"), "the message is queued even though it could not be scheduled yet");
        reject[0] = false;
        box.offer("b");
        assertEquals(1, later.size());
        later.poll().run();
        assertEquals(List.of("a", "b"), log);
    }
}
