package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.fixtures.Shelf;
import dev.tandem.spi.StateAccess;
import dev.tandem.spi.StateAccess.Tracking;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which fields are tracked, and that a tracked turn on a big list reads only what it touched. */
class TrackingTest {

    private static final dev.tandem.spi.LiveObjectDefinition<Shelf> SHELF = Shelves.SHELF;

    private static TurnRunner<Shelf> runner(Shelf shelf) {
        return Shelves.runner(shelf, true);
    }

    @Test
    void theProcessorChoosesTrackingByTheFieldsType() {
        StateAccess<Shelf> state = SHELF.state();
        List<String> kinds = IntStream.range(0, state.fields().size())
                .mapToObj(i -> state.fields().get(i).name() + "=" + state.tracking(i)).toList();
        assertEquals(List.of("items=LIST", "words=LIST", "bag=LIST", "maybe=LIST", "byId=MAP", "counts=MAP", "notes=MAP",
                "seen=LIST", "counter=SCALAR", "title=SCALAR", "pinned=IMMUTABLE", "mode=SCALAR",
                "box=DIFF", "groups=DIFF"), kinds, "plain classes and collections of collections can change in place");
    }

    @Test
    void activationInstallsTrackingCollectionsExceptWhereTwoFieldsShareOne() {
        Shelf shelf = new Shelf();
        List<String> shared = new ArrayList<>();
        shelf.words = shared;
        shelf.bag = shared;
        runner(shelf);
        assertInstanceOf(TrackedList.class, shelf.items);
        assertInstanceOf(TrackedMap.class, shelf.byId);
        assertInstanceOf(TrackedList.class, shelf.seen);
        assertSame(shared, shelf.words, "a list two fields hold is compared whole, not tracked");
        assertSame(shared, shelf.bag);
        assertFalse(shelf.groups instanceof TrackedMap<?, ?>, "a map of lists is diffed");
    }

    @Test
    void aTurnOnABigListReadsOnlyWhatItTouched() {
        Shelf shelf = new Shelf();
        for (int i = 0; i < 10_000; i++) {
            shelf.items.add(new Shelf.Item("i" + i, i, null, Shelf.Kind.A));
        }
        int[] reads = new int[1];
        StateAccess<Shelf> counting = new CountingState(SHELF.state(), reads);
        TurnRunner<Shelf> runner = new TurnRunner<>(shelf, counting,
                new InstanceContext(new InstanceKey("shelf", "s"), Clock.systemUTC(), List.of()), null, List.of(), true);
        reads[0] = 0;
        TurnRunner.Result r = runner.run(s -> {
            s.items.set(5_000, new Shelf.Item("i5000", 1, null, Shelf.Kind.A));
            return null;
        });
        assertEquals("[{\"op\":\"replace\",\"path\":\"/items/5000/n\",\"value\":1}]", r.ops().toString());
        assertTrue(reads[0] <= 6, "elements encoded: " + reads[0] + " (the one changed, before and after, and its neighbours)");
        reads[0] = 0;
        TurnRunner.Result failed = runner.run(s -> {
            s.items.remove(0);
            throw new IllegalStateException("no");
        });
        assertFalse(failed.ok());
        assertEquals(10_000, shelf.items.size(), "rolled back");
        assertEquals("i0", shelf.items.get(0).id());
        assertEquals(0, reads[0], "a rollback of a tracked list reads nothing");
    }

    /** Counts the elements and fields encoded. */
    private record CountingState(StateAccess<Shelf> state, int[] reads) implements StateAccess<Shelf> {
        @Override
        public List<dev.tandem.spi.FieldDescriptor> fields() {
            return state.fields();
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode read(Shelf target, int field) {
            reads[0] += field == 0 ? 1_000_000 : 0; // the 10,000 items, read whole
            return state.read(target, field);
        }

        @Override
        public void write(Shelf target, int field, com.fasterxml.jackson.databind.JsonNode value) {
            reads[0] += field == 0 ? 1_000_000 : 0;
            state.write(target, field, value);
        }

        @Override
        public Tracking tracking(int field) {
            return state.tracking(field);
        }

        @Override
        public Object get(Shelf target, int field) {
            return state.get(target, field);
        }

        @Override
        public void set(Shelf target, int field, Object value) {
            state.set(target, field, value);
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode writeItem(int field, Object item) {
            reads[0]++;
            return state.writeItem(field, item);
        }
    }
}
