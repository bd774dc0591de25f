package dev.tandem.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.internal.Frames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A failed write fences the rest of its activation: a write queued behind it builds on state that
 * was never stored (its clients were told so), so it must never reach the database, where it could
 * overwrite what the instance's next activation stored meanwhile.
 */
class GroupCommitterFenceTest {

    private static GroupCommitter.Pending write(Object activation, GroupCommitter.LogCursor cursor, long from, long to,
            CompletableFuture<String> outcome) {
        return new GroupCommitter.Pending(activation, "counter", "c", from, to, Frames.JSON.createObjectNode(),
                List.of(new PatchEntry(to, from, Frames.JSON.createArrayNode())), "h", 1, null, null, List.of(), cursor,
                new GroupCommitter.Listener() {
                    @Override
                    public void stored(long revision) {
                        outcome.complete("stored");
                    }

                    @Override
                    public void failed(RuntimeException failure) {
                        outcome.complete("failed: " + failure.getMessage());
                    }
                });
    }

    @Test
    void aWriteQueuedBehindAFailedOneOfItsActivationIsNeverApplied() throws Exception {
        HeldStore store = new HeldStore(group -> group == 0 ? new IllegalStateException("disk full") : null);
        GroupCommitter committer = new GroupCommitter(store, new TandemConfiguration(), new SimpleMeterRegistry());
        try {
            Object old = new Object();
            GroupCommitter.LogCursor oldLog = new GroupCommitter.LogCursor(10);
            CompletableFuture<String> a = new CompletableFuture<>();
            committer.submit(write(old, oldLog, 10, 11, a));
            assertTrue(store.inFirstWrite.await(10, TimeUnit.SECONDS), "the writer took the first write");
            CompletableFuture<String> b = new CompletableFuture<>();
            committer.submit(write(old, oldLog, 11, 12, b)); // builds on a, queued before a failed
            Object fresh = new Object();
            CompletableFuture<String> c = new CompletableFuture<>();
            committer.submit(write(fresh, new GroupCommitter.LogCursor(10), 10, 11, c)); // the next activation
            store.letFirstGo.countDown();
            assertEquals("failed: disk full", a.get(10, TimeUnit.SECONDS));
            assertTrue(b.get(10, TimeUnit.SECONDS).startsWith("failed: an earlier write of this activation"),
                    b.get());
            assertEquals("stored", c.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(List.of("c@10->11")), store.groups.subList(1, store.groups.size()),
                    "only the next activation's write reached the database");
        } finally {
            committer.close();
        }
    }
}
