package dev.tandem.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.internal.Frames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The state goes with a write only when a snapshot may be due (the instance reads it into JSON only
 * then), so the writer must use it when it comes, never write a snapshot without it, and never need
 * it when it was not sent: a write that carries the state is not folded into a newer one that does
 * not (that one waits for the next group), a due snapshot without the state waits for a write that
 * carries it, and a patch too large to log without the state is refused.
 */
class GroupCommitterSnapshotTest {

    private static final Object OWNER = new Object();

    private static GroupCommitter.Pending write(GroupCommitter.LogCursor cursor, long from, long to, boolean withState,
            String ops, CompletableFuture<String> outcome) {
        ObjectNode state = withState ? Frames.JSON.createObjectNode().put("n", to) : null;
        ArrayNode patch = Frames.JSON.createArrayNode();
        patch.addObject().put("op", "replace").put("path", "/n").put("value", ops);
        return new GroupCommitter.Pending(OWNER, "counter", "c", from, to, state,
                List.of(new PatchEntry(to, from, patch)), "h", 1, null, null, List.of(), cursor,
                new GroupCommitter.Listener() {
                    @Override
                    public void stored(long revision) {
                        outcome.complete("stored " + revision);
                    }

                    @Override
                    public void failed(RuntimeException failure) {
                        outcome.complete("failed: " + failure.getMessage());
                    }
                });
    }

    private static TandemConfiguration everyTen() {
        TandemConfiguration config = new TandemConfiguration();
        config.getStorage().setSnapshotEvery(10);
        return config;
    }

    @Test
    void aWriteCarryingTheStateIsNotFoldedIntoANewerOneWithout() throws Exception {
        HeldStore store = new HeldStore(group -> null);
        GroupCommitter committer = new GroupCommitter(store, everyTen(), new SimpleMeterRegistry());
        try {
            GroupCommitter.LogCursor cursor = new GroupCommitter.LogCursor(0);
            CompletableFuture<String> first = new CompletableFuture<>();
            committer.submit(write(cursor, 8, 9, false, "a", first));
            assertTrue(store.inFirstWrite.await(10, TimeUnit.SECONDS));
            CompletableFuture<String> due = new CompletableFuture<>();
            CompletableFuture<String> after = new CompletableFuture<>();
            CompletableFuture<String> later = new CompletableFuture<>();
            committer.submit(write(cursor, 9, 10, true, "b", due)); // the snapshot may be due: the state came
            committer.submit(write(cursor, 10, 11, false, "c", after));
            committer.submit(write(cursor, 11, 12, false, "d", later));
            store.letFirstGo.countDown();
            assertEquals("stored 12", later.get(10, TimeUnit.SECONDS), "the folded write answers for both");
            assertEquals(List.of(List.of("c@8->9"), List.of("c@9->10+snapshot"), List.of("c@10->12")), store.groups,
                    "the state was written as the snapshot at 10; the two writes after it, folded, in the next group");
            assertEquals("stored 10", due.get(10, TimeUnit.SECONDS));
        } finally {
            committer.close();
        }
    }

    @Test
    void aDueSnapshotWaitsForAWriteThatCarriesTheState() throws Exception {
        HeldStore store = new HeldStore(group -> null);
        GroupCommitter committer = new GroupCommitter(store, everyTen(), new SimpleMeterRegistry());
        try {
            GroupCommitter.LogCursor cursor = new GroupCommitter.LogCursor(0);
            CompletableFuture<String> without = new CompletableFuture<>();
            committer.submit(write(cursor, 11, 12, false, "a", without));
            store.letFirstGo.countDown();
            assertEquals("stored 12", without.get(10, TimeUnit.SECONDS));
            CompletableFuture<String> with = new CompletableFuture<>();
            committer.submit(write(cursor, 12, 13, true, "b", with));
            assertEquals("stored 13", with.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("c@11->12", "c@12->13+snapshot"), store.written());
            assertTrue(committer.snapshotMayBeDue(cursor, 14, 0) == false,
                    "after the snapshot at 13 none is due at 14");
        } finally {
            committer.close();
        }
    }

    @Test
    void aPatchTooLargeToLogWithoutTheStateIsRefusedNotWritten() throws Exception {
        HeldStore store = new HeldStore(group -> null);
        GroupCommitter committer = new GroupCommitter(store, new TandemConfiguration(), new SimpleMeterRegistry());
        try {
            store.letFirstGo.countDown();
            CompletableFuture<String> big = new CompletableFuture<>();
            committer.submit(write(new GroupCommitter.LogCursor(0), 1, 2, false, "x".repeat(200_000), big));
            assertTrue(big.get(10, TimeUnit.SECONDS).startsWith("failed: a write of counter/c to revision 2 must carry"),
                    big.get());
            assertEquals(List.of(), store.written());
            PatchEntry huge = write(new GroupCommitter.LogCursor(0), 1, 2, false, "x".repeat(2_000_000), big).log().get(0);
            assertEquals(0, GroupCommitter.loggedBytes(List.of(huge)), "a patch too large to log is not logged");
            assertTrue(!committer.snapshotMayBeDue(new GroupCommitter.LogCursor(2), 3, GroupCommitter.loggedBytes(List.of(huge))),
                    "nor does it count towards snapshot-bytes (its own write is a snapshot)");
        } finally {
            committer.close();
        }
    }
}
