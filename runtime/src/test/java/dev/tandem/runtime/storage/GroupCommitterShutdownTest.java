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
 * The storage writer at shutdown: a write queued while it is stopping is still stored, and one
 * submitted after it stopped is failed at once (its turn's outputs are dropped), never left
 * waiting forever.
 */
class GroupCommitterShutdownTest {

    private static GroupCommitter.Pending write(String id, CompletableFuture<String> outcome) {
        return new GroupCommitter.Pending(id, "counter", id, 0, 1, Frames.JSON.createObjectNode(), List.of(), "h", 1, null,
                null, List.of(), new GroupCommitter.LogCursor(1), new GroupCommitter.Listener() {
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
    void aWriteQueuedWhileTheWriterStopsIsStoredAndOneAfterItStoppedFails() throws Exception {
        HeldStore store = new HeldStore(group -> null);
        GroupCommitter committer = new GroupCommitter(store, new TandemConfiguration(), new SimpleMeterRegistry());
        CompletableFuture<String> first = new CompletableFuture<>();
        committer.submit(write("first", first));
        assertTrue(store.inFirstWrite.await(10, TimeUnit.SECONDS), "the writer took the first write");
        Thread closer = new Thread(() -> {
            try {
                committer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start(); // the writer is told to stop while it is storing the first write
        Thread.State state;
        do {
            state = closer.getState(); // close() waits for the writer: it has asked it to stop
            Thread.onSpinWait();
        } while (state != Thread.State.TIMED_WAITING && state != Thread.State.TERMINATED);
        CompletableFuture<String> during = new CompletableFuture<>();
        committer.submit(write("during", during));
        store.letFirstGo.countDown();
        closer.join(10_000);
        assertEquals("stored", first.get(10, TimeUnit.SECONDS));
        assertEquals("stored", during.get(10, TimeUnit.SECONDS), "a write queued while the writer stops is stored");
        assertEquals(List.of("first", "during"), store.written().stream().map(w -> w.substring(0, w.indexOf('@'))).toList());

        CompletableFuture<String> after = new CompletableFuture<>();
        committer.submit(write("after", after));
        assertEquals("failed: the server has shut down; nothing was stored", after.get(10, TimeUnit.SECONDS),
                "a write after the writer stopped is failed at once, not left waiting");
        assertEquals(List.of("first", "during"), store.written().stream().map(w -> w.substring(0, w.indexOf('@'))).toList());
    }
}
