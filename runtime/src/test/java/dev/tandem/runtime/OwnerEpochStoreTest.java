package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.storage.FencedWriteException;
import dev.tandem.runtime.storage.PatchLog;
import dev.tandem.runtime.storage.StaleWriteException;
import dev.tandem.runtime.storage.StateStore;
import dev.tandem.runtime.storage.StateWrite;
import dev.tandem.runtime.storage.StoredCall;
import dev.tandem.runtime.storage.StoredPatch;
import dev.tandem.runtime.storage.StoredState;
import dev.tandem.runtime.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The owner epoch in the real store (H2, or PostgreSQL with {@code -Ptandem-postgres}): each
 * activation's load takes the next epoch, and every kind of write an earlier activation makes
 * (appending to the log, a snapshot, timers only, a schema migration) is refused with a message
 * saying another server took over, while a wrong revision alone is still a plain stale write.
 */
class OwnerEpochStoreTest {

    private static final String TYPE = "counter";
    private static final String STATE = "{\"count\":%d,\"log\":[],\"blob\":\"\"}";

    private static StateWrite write(String id, long expected, long revision, String snapshot, List<StoredPatch> patches,
            long epoch, List<StoredCall> calls) {
        return new StateWrite(TYPE, id, expected, revision, snapshot, patches, "h", epoch, 0, null, null, calls);
    }

    private static List<StoredPatch> countTo(long from, int count) {
        return List.of(new StoredPatch(from + 1, from,
                "[{\"op\":\"replace\",\"path\":\"/count\",\"value\":" + count + "}]"));
    }

    @Test
    void everyWriteOfAnEarlierActivationIsRefusedOnceAnotherTookTheInstanceOver() {
        String id = TestServer.uniqueId("epoch");
        try (TestServer server = TestServer.start()) {
            StateStore store = server.bean(StateStore.class);
            assertTrue(store.loadAsOwner(TYPE, id, 0).isEmpty(), "a never-stored instance takes no epoch");
            assertTrue(store.load(TYPE, id).isEmpty(), "and taking none stored nothing");
            assertNull(store.write(List.of(write(id, 0, 1, STATE.formatted(0), List.of(), StateWrite.FIRST_OWNER_EPOCH,
                    List.of()))).get(0));
            assertEquals(1, store.load(TYPE, id).orElseThrow().ownerEpoch(), "the insert carries the first epoch");

            StoredState taken = store.loadAsOwner(TYPE, id, 0).orElseThrow();
            assertEquals(2, taken.ownerEpoch(), "the next activation took the next epoch");
            assertEquals(2, store.load(TYPE, id).orElseThrow().ownerEpoch(), "and storage holds it");

            StoredCall call = new StoredCall("user/client", 0, 2, "[[\"1\",2,null]]", System.currentTimeMillis());
            List<StateWrite> former = List.of(
                    write(id, 1, 2, null, countTo(1, 5), 1, List.of(call)), // log append, with its stored call
                    write(id, 1, 2, STATE.formatted(5), countTo(1, 5), 1, List.of())); // with a snapshot
            for (StateWrite w : former) {
                RuntimeException refused = store.write(List.of(w)).get(0);
                assertInstanceOf(FencedWriteException.class, refused);
                assertEquals("another server took over counter/" + id + " (owner epoch 2 > 1): this copy's write was"
                        + " not applied and the copy steps down; its clients reload what the new owner stored",
                        refused.getMessage());
            }
            StateWrite timersOnly = new StateWrite(TYPE, id, 1, 1, null, List.of(), "h", 1, 0, "{\"ring\":1}", 1L,
                    List.of());
            assertInstanceOf(FencedWriteException.class, store.write(List.of(timersOnly)).get(0));
            assertThrows(FencedWriteException.class,
                    () -> store.storeMigrated(TYPE, id, 1, STATE.formatted(9), 1, "h2", 1));
            assertEquals(1, store.load(TYPE, id).orElseThrow().revision(), "none of them changed anything");
            assertNull(store.load(TYPE, id).orElseThrow().timers());
            assertTrue(store.loadCalls(TYPE, id, 0).isEmpty(), "a refused write stores none of its calls");

            RuntimeException stale = store.write(List.of(write(id, 7, 8, null, countTo(7, 5), 2, List.of()))).get(0);
            assertInstanceOf(StaleWriteException.class, stale);
            assertFalse(stale instanceof FencedWriteException, "the owner at a wrong revision is stale, not fenced");

            assertNull(store.write(List.of(write(id, 1, 2, null, countTo(1, 5), 2, List.of(call)))).get(0),
                    "the owner's write applies");
            StoredState now = store.load(TYPE, id).orElseThrow();
            assertEquals(2, now.revision());
            assertEquals(5, PatchLog.replay(now).get("count").asInt());
            assertEquals(1, store.loadCalls(TYPE, id, 0).size());
            store.storeMigrated(TYPE, id, 2, STATE.formatted(6), 1, "h2", 2); // the owner may migrate
            assertEquals(3, store.load(TYPE, id).orElseThrow().revision());
        }
    }
}
