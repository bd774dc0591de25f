package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.runtime.fixtures.Shelf;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Collection calls and field values the random turns of {@link TrackedTurnsTest} do not reach (found
 * by review): each gives what the whole-state diff gives, except where a field's collection is also
 * reachable another way; there the field owns a copy, so the object, its patches and what is stored
 * always agree.
 */
class TrackingEdgesTest {

    /** Runs the turns tracked and diffed whole, and asserts the same outcome, patches and state after each. */
    private static void same(List<TurnRunner.Body<Shelf>> turns) {
        Shelf tracked = new Shelf();
        Shelf diffed = new Shelf();
        TurnRunner<Shelf> a = Shelves.runner(tracked, true);
        TurnRunner<Shelf> b = Shelves.runner(diffed, false);
        int n = 0;
        for (TurnRunner.Body<Shelf> body : turns) {
            TurnRunner.Result ra = a.run(body);
            TurnRunner.Result rb = b.run(body);
            assertEquals(rb.ok(), ra.ok(), "turn " + n + " outcome " + rb.failure() + " / " + ra.failure());
            assertEquals(String.valueOf(rb.ops()), String.valueOf(ra.ops()), "turn " + n + ": client patch");
            assertEquals(String.valueOf(rb.storedOps()), String.valueOf(ra.storedOps()), "turn " + n + ": stored patch");
            assertEquals(b.snapshot(true), a.snapshot(true), "turn " + n + ": committed state");
            assertEquals(Shelves.SHELF.state().snapshot(tracked, true), a.snapshot(true), "turn " + n + ": the object");
            n++;
        }
    }

    @Test
    void bulkCallsGivenAViewOfTheListItselfWorkAsOnAnArrayList() {
        same(List.of(
                s -> {
                    s.words.addAll(List.of("a", "b", "c", "d"));
                    return null;
                },
                s -> {
                    s.words.addAll(0, s.words.subList(1, 3));
                    return null;
                },
                s -> {
                    s.words.addAll(1, s.words);
                    return null;
                },
                s -> {
                    s.words.removeAll(s.words.subList(0, 2));
                    return null;
                },
                s -> {
                    s.words.retainAll(s.words.subList(1, 3));
                    return null;
                }));
    }

    @Test
    void aFieldHoldingAViewOfAnotherFieldsListSeesItsChanges() {
        same(List.of(
                s -> {
                    s.words.add("a");
                    return null;
                },
                s -> {
                    s.bag = Collections.unmodifiableList(s.words);
                    return null;
                },
                s -> {
                    s.words.add("b");
                    return null;
                }));
    }

    @Test
    void aMapThatFindsKeysByAComparatorIsComparedWhole() {
        same(List.of(
                s -> {
                    s.byId = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    return null;
                },
                s -> {
                    s.byId.put("a", new Shelf.Item("a", 1, null, Shelf.Kind.A));
                    return null;
                },
                s -> {
                    s.byId.put("A", new Shelf.Item("a", 2, null, Shelf.Kind.A));
                    return null;
                }));
    }

    @Test
    void aListAlsoHeldElsewhereIsCopiedSoTheFieldAndItsPatchesAgree() {
        Shelf shelf = new Shelf();
        List<String> kept = shelf.words; // a reference taken before activation
        TurnRunner<Shelf> runner = Shelves.runner(shelf, true);
        TurnRunner.Result r = runner.run(s -> {
            kept.add("x");
            return null;
        });
        assertNull(r.ops(), "the change went to the old list, which the field no longer holds");
        assertEquals(List.of(), shelf.words);
        r = runner.run(s -> {
            s.box.tags.add("a");
            s.words = s.box.tags; // the field takes its own copy at the end of the turn
            return null;
        });
        assertEquals("[{\"op\":\"add\",\"path\":\"/words/-\",\"value\":\"a\"},"
                + "{\"op\":\"add\",\"path\":\"/box/tags/-\",\"value\":\"a\"}]", r.ops().toString());
        r = runner.run(s -> {
            s.box.tags.add("b");
            return null;
        });
        assertEquals("[{\"op\":\"add\",\"path\":\"/box/tags/-\",\"value\":\"b\"}]", r.ops().toString());
        assertFalse(shelf.words.contains("b"), "the copy did not change");
        assertEquals(Shelves.SHELF.state().snapshot(shelf, true), runner.snapshot(true), "what clients have is what it holds");
    }
}
