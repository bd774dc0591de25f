package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tandem.runtime.storage.StoredCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At-most-once calls: keys by JSON value and client, a per-client bound, stored rows in a ring, restore after restart. */
class CallCacheTest {

    private static JsonNode json(String text) throws Exception {
        return Frames.JSON.readTree(text);
    }

    @Test
    void callKeysKeepTheJsonTypeOfTheId() throws Exception {
        assertEquals("n:7", CallCache.callKey(IntNode.valueOf(7)));
        assertEquals("s:7", CallCache.callKey(TextNode.valueOf("7")));
        assertEquals("n:18446744073709551616", CallCache.callKey(json("18446744073709551616")), "beyond long, exactly");
        assertEquals(CallCache.callKey(json("7")), CallCache.callKey(json("7")));
        assertEquals(CallCache.callKey(json("12345678901")), CallCache.callKey(json("12345678901")), "a long and a big integer read alike");
    }

    @Test
    void clientKeysSeparateUsersAndCannotBeForgedByConcatenation() {
        assertEquals("3:tabada", CallCache.clientKey("ada", "tab"));
        assertNotEquals(CallCache.clientKey("ada", "tab"), CallCache.clientKey("bob", "tab"));
        assertNotEquals(CallCache.clientKey("bada", "ta"), CallCache.clientKey("ada", "tab"), "the length prefix splits them");
    }

    @Test
    void longClientKeysAreHashedToABoundedStableKey() {
        String userId = "u".repeat(500);
        String key = CallCache.clientKey(userId, "tab");
        assertTrue(key.startsWith("sha256:"), key);
        assertEquals(7 + 44, key.length());
        assertEquals(key, CallCache.clientKey(userId, "tab"));
        assertNotEquals(key, CallCache.clientKey(userId, "tab2"));
        String atLimit = CallCache.clientKey("u".repeat(500 - 5), "tab"); // "3:tab" + 495 = 500 characters
        assertEquals(500, atLimit.length(), "a key of exactly the limit is kept as it is");
    }

    @Test
    void aNewCallIsPendingAndAResendGetsTheSameEntryAndItsOutcome() {
        CallCache cache = new CallCache(4);
        assertNull(cache.lookup("c", "n:1", 10));
        CallCache.Entry entry = cache.pending("c", "n:1");
        assertNotNull(entry);
        List<Outcome> early = new ArrayList<>();
        assertSame(entry, cache.lookup("c", "n:1", 11), "a resend while in flight waits on the same call");
        entry.attach(early::add);
        assertEquals(List.of(), early);
        Outcome done = Outcome.ok(5, IntNode.valueOf(42), null);
        entry.complete(done);
        assertEquals(List.of(done), early);
        List<Outcome> late = new ArrayList<>();
        cache.lookup("c", "n:1", 12).attach(late::add);
        assertEquals(List.of(done), late, "a resend after the answer gets the first outcome");
    }

    @Test
    void callsAreRememberedPerClient() {
        CallCache cache = new CallCache(4);
        cache.lookup("ada", "n:1", 0);
        assertNull(cache.lookup("bob", "n:1", 0), "the same call ID from another client is another call");
        assertNull(cache.lookup("ada", "s:1", 0), "and so is \"1\" from the same client");
    }

    @Test
    void eachClientKeepsOnlyItsLastCalls() {
        CallCache cache = new CallCache(2);
        cache.lookup("c", "n:1", 0);
        cache.lookup("c", "n:2", 0);
        cache.lookup("other", "n:9", 0);
        cache.lookup("c", "n:3", 0);
        assertNotNull(cache.lookup("c", "n:2", 0));
        assertNotNull(cache.lookup("c", "n:3", 0));
        assertNull(cache.lookup("c", "n:1", 0), "the oldest went");
        assertNotNull(cache.lookup("other", "n:9", 0), "other clients' calls are not counted");
    }

    @Test
    void sweepForgetsClientsNotSeenSinceTheCutoff() {
        CallCache cache = new CallCache(4);
        cache.lookup("old", "n:1", 100);
        cache.lookup("new", "n:1", 200);
        cache.sweep(200);
        assertNull(cache.lookup("old", "n:1", 300), "forgotten");
        assertNotNull(cache.lookup("new", "n:1", 300), "seen at the cutoff is kept");
    }

    @Test
    void rowsAreOnePerClientInTheOrderTheCallsRanInARingOfSlots() throws Exception {
        CallCache cache = new CallCache(2);
        List<CallCache.Unstored> write = List.of(
                new CallCache.Unstored("ada", "n:1", 3, IntNode.valueOf(1)),
                new CallCache.Unstored("bob", "s:x", 4, null),
                new CallCache.Unstored("ada", "n:2", 5, TextNode.valueOf("two")));
        List<StoredCall> rows = cache.rows(write, 1000);
        assertEquals(2, rows.size());
        assertEquals(new StoredCall("ada", 0, 5, "[[\"n:1\",3,1],[\"n:2\",5,\"two\"]]", 1000), rows.get(0));
        assertEquals(new StoredCall("bob", 0, 4, "[[\"s:x\",4,null]]", 1000), rows.get(1));
        assertEquals(1, cache.rows(List.of(new CallCache.Unstored("ada", "n:3", 6, null)), 0).get(0).slot());
        assertEquals(0, cache.rows(List.of(new CallCache.Unstored("ada", "n:4", 7, null)), 0).get(0).slot(), "the ring wraps");
    }

    @Test
    void restoredCallsAnswerResendsWithTheirStoredOutcome() throws Exception {
        CallCache cache = new CallCache(3);
        cache.restore(List.of(
                new StoredCall("ada", 1, 9, "[[\"n:3\",9,\"late\"]]", 500),
                new StoredCall("ada", 0, 5, "[[\"n:1\",4,1],[\"s:2\",5,{\"a\":[true]}]]", 400)));
        List<Outcome> got = new ArrayList<>();
        CallCache.Entry entry = cache.lookup("ada", "s:2", 600);
        assertNotNull(entry);
        entry.attach(got::add);
        assertEquals(1, got.size());
        assertTrue(got.get(0).isOk());
        assertEquals(5, got.get(0).revision());
        assertEquals(json("{\"a\":[true]}"), got.get(0).value());
        assertNotNull(cache.lookup("ada", "n:3", 600));
        assertNotNull(cache.lookup("ada", "n:1", 600));
        assertNull(cache.lookup("bob", "n:1", 600));
        assertEquals(2, cache.rows(List.of(new CallCache.Unstored("ada", "n:4", 10, null)), 0).get(0).slot(),
                "the next write takes the slot after the newest stored row");
    }

    @Test
    void restoreAppliesTheBoundOldestRevisionFirst() {
        CallCache cache = new CallCache(2);
        cache.restore(List.of(
                new StoredCall("ada", 1, 8, "[[\"n:3\",8,null]]", 500),
                new StoredCall("ada", 0, 5, "[[\"n:1\",4,null],[\"n:2\",5,null]]", 400)));
        assertNotNull(cache.lookup("ada", "n:3", 0));
        assertNotNull(cache.lookup("ada", "n:2", 0));
        assertNull(cache.lookup("ada", "n:1", 0), "the oldest stored call is beyond the bound");
    }

    @Test
    void restoredClientsAreSweptByTheirStoredTime() {
        CallCache cache = new CallCache(2);
        cache.restore(List.of(new StoredCall("ada", 0, 5, "[[\"n:1\",5,null]]", 400),
                new StoredCall("bob", 0, 6, "[[\"n:1\",6,null]]", 700)));
        cache.sweep(500);
        assertNull(cache.lookup("ada", "n:1", 0));
        assertNotNull(cache.lookup("bob", "n:1", 0));
    }

    @Test
    void corruptStoredCallsAreAClearError() {
        CallCache cache = new CallCache(2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cache.restore(List.of(new StoredCall("ada", 0, 1, "[[\"n:1\"", 0))));
        assertTrue(e.getMessage().startsWith("stored calls are not valid JSON"), e.getMessage());
    }

    @Test
    void aPerClientBoundBelowOneKeepsOneCall() {
        CallCache cache = new CallCache(0);
        cache.lookup("c", "n:1", 0);
        assertNotNull(cache.lookup("c", "n:1", 0));
        cache.lookup("c", "n:2", 0);
        assertNull(cache.lookup("c", "n:1", 0));
        assertEquals(0, cache.rows(List.of(new CallCache.Unstored("c", "n:3", 1, null)), 0).get(0).slot());
    }
}
