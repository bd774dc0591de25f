package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.runtime.fixtures.Shelf;
import dev.tandem.runtime.fixtures.Shelf.Item;
import dev.tandem.runtime.fixtures.Shelf.Kind;
import dev.tandem.spi.StateAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Property: for any sequence of turns, each a random mix of changes to every kind of field (through
 * the collection, through its iterators and views, by giving the field a new value, by aliasing two
 * fields, by putting the same or an equal value back), some of which throw, tracking gives exactly
 * the patches (client and stored), the outcomes and the committed state that reading and diffing
 * the whole state gives (the oracle: the runtime before tracking, still used with
 * {@code tandem.track-changes: false}), and a failed turn leaves the object as it was.
 * (The oracle's rollback decodes the committed JSON into new collections, so an unmodifiable list or
 * a sorted map comes back as a modifiable or insertion-ordered one, where tracking puts the same
 * collection back; the changes here keep to modifiable, insertion-ordered collections, where both
 * must agree exactly.)
 */
class TrackedTurnsTest {

    private static final dev.tandem.spi.LiveObjectDefinition<Shelf> SHELF = Shelves.SHELF;

    @Property(tries = 400)
    void trackedTurnsGiveTheSamePatchesAsDiffingTheWholeState(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int turns) {
        StateAccess<Shelf> state = SHELF.state();
        Shelf tracked = new Shelf();
        Shelf diffed = new Shelf();
        Random setup = new Random(seed);
        int start = setup.nextInt(30);
        for (int i = 0; i < start; i++) { // some state before activation, as a loaded instance has
            Consumer<Shelf> change = randomChange(setup);
            for (Shelf s : List.of(tracked, diffed)) {
                try {
                    change.accept(s);
                } catch (RuntimeException ignored) {
                    // a change that does not apply to this state
                }
            }
            if (tracked.title == null || tracked.items == null || tracked.byId == null || tracked.bag == null
                    || tracked.words == null || tracked.counts == null || tracked.notes == null || tracked.seen == null
                    || tracked.box == null || tracked.groups == null || tracked.byId.containsKey(null)) {
                tracked = new Shelf();
                diffed = new Shelf();
            }
        }
        TurnRunner<Shelf> a = runner(tracked, true);
        TurnRunner<Shelf> b = runner(diffed, false);
        Random random = new Random(seed * 31 + 7);
        for (int turn = 0; turn < turns; turn++) {
            List<Consumer<Shelf>> changes = new ArrayList<>();
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                changes.add(randomChange(random));
            }
            boolean fail = random.nextInt(6) == 0;
            TurnRunner.Body<Shelf> body = s -> {
                for (Consumer<Shelf> c : changes) {
                    c.accept(s);
                }
                if (fail) {
                    throw new IllegalStateException("the turn fails after its changes");
                }
                return null;
            };
            TurnRunner.Result ra = a.run(body);
            TurnRunner.Result rb = b.run(body);
            String where = "seed " + seed + ", turn " + turn;
            assertEquals(rb.ok(), ra.ok(), where + ": outcome (" + rb.failure() + " / " + ra.failure() + ")");
            assertEquals(String.valueOf(rb.ops()), String.valueOf(ra.ops()), where + ": client patch");
            assertEquals(String.valueOf(rb.storedOps()), String.valueOf(ra.storedOps()), where + ": stored patch");
            assertEquals(rb.storedChanged(), ra.storedChanged(), where + ": stored changed");
            assertEquals(b.snapshot(true), a.snapshot(true), where + ": committed stored state");
            assertEquals(b.snapshot(false), a.snapshot(false), where + ": committed client state");
            assertEquals(state.snapshot(diffed, false), state.snapshot(tracked, false), where + ": the objects");
            assertEquals(state.snapshot(tracked, true), a.snapshot(true), where + ": committed is what the object holds");
            assertEquals(state.snapshot(tracked, true).toString(), a.snapshot(true).toString(), where + ": in its order");
        }
    }

    private static TurnRunner<Shelf> runner(Shelf target, boolean track) {
        return Shelves.runner(target, track);
    }

    private static Item item(Random r) {
        return new Item("i" + r.nextInt(12), r.nextInt(3), r.nextInt(3) == 0 ? null : "n" + r.nextInt(2),
                Kind.values()[r.nextInt(3)]);
    }

    private static String word(Random r) {
        return "w" + r.nextInt(8);
    }

    /** One change, its random choices made now, applied the same way to any shelf. */
    private static Consumer<Shelf> randomChange(Random r) {
        int what = r.nextInt(64);
        int x = r.nextInt(1_000);
        int y = r.nextInt(1_000);
        Item item = item(r);
        String word = word(r);
        return switch (what) {
            case 0 -> s -> s.items.add(item);
            case 1 -> s -> s.items.add(x % (s.items.size() + 1), item);
            case 2 -> s -> s.items.set(x % s.items.size(), item);
            case 3 -> s -> s.items.remove(x % s.items.size());
            case 4 -> s -> s.items.remove(item); // an equal record, if any
            case 5 -> s -> { // move, as the task board does
                Item moved = s.items.remove(x % s.items.size());
                s.items.add(y % (s.items.size() + 1), moved);
            };
            case 6 -> s -> s.items.set(x % s.items.size(), s.items.get(x % s.items.size())); // the same reference
            case 7 -> s -> { // an equal copy
                Item old = s.items.get(x % s.items.size());
                s.items.set(x % s.items.size(), new Item(old.id(), old.n(), old.note(), old.kind()));
            };
            case 8 -> s -> s.items.clear();
            case 9 -> s -> s.items.sort(Comparator.comparing(Item::id).thenComparing(Item::n));
            case 10 -> s -> s.items.removeIf(i -> i.n() == x % 3);
            case 11 -> s -> s.items.replaceAll(i -> i.n() == x % 3 ? new Item(i.id(), i.n() + 1, i.note(), i.kind()) : i);
            case 12 -> s -> s.items.addAll(List.of(item, item));
            case 13 -> s -> s.items.subList(Math.min(x % (s.items.size() + 1), s.items.size()),
                    s.items.size()).clear();
            case 14 -> s -> {
                for (Iterator<Item> it = s.items.iterator(); it.hasNext(); ) {
                    if (it.next().kind() == item.kind()) {
                        it.remove();
                    }
                }
            };
            case 15 -> s -> {
                for (ListIterator<Item> it = s.items.listIterator(); it.hasNext(); ) {
                    Item i = it.next();
                    if (i.n() == 0) {
                        it.set(new Item(i.id(), 9, i.note(), i.kind()));
                    } else if (i.n() == 2 && x % 2 == 0) {
                        it.add(item);
                    }
                }
            };
            case 16 -> s -> s.items = new ArrayList<>(s.items.subList(0, s.items.size() / 2));
            case 17 -> s -> s.items = new ArrayList<>(List.of(item));
            case 18 -> s -> Collections.swap(s.items, x % s.items.size(), y % s.items.size());
            case 19 -> s -> s.items = null; // a non-null field: the turn fails
            case 20 -> s -> s.words.add(word);
            case 21 -> s -> s.words.add(x % (s.words.size() + 1), word);
            case 22 -> s -> s.words.remove(x % s.words.size());
            case 23 -> s -> s.words.set(x % s.words.size(), word);
            case 24 -> s -> s.words.remove(word);
            case 25 -> s -> s.bag.add(word);
            case 26 -> s -> s.bag.remove(word);
            case 27 -> s -> s.bag = s.words; // two fields, one list
            case 28 -> s -> s.bag = new ArrayList<>(s.words);
            case 29 -> s -> s.maybe = x % 2 == 0 ? null : new ArrayList<>(List.of(word));
            case 30 -> s -> s.maybe.add(word);
            case 31 -> s -> s.byId.put(item.id(), item);
            case 32 -> s -> s.byId.remove(item.id());
            case 33 -> s -> s.byId.put(item.id(), s.byId.get(item.id())); // the same value, or a new null one
            case 34 -> s -> s.byId.replaceAll((k, v) -> v == null || v.n() != x % 3 ? v : new Item(k, 7, null, Kind.C));
            case 35 -> s -> s.byId.entrySet().removeIf(e -> e.getValue() != null && e.getValue().kind() == item.kind());
            case 36 -> s -> s.byId.clear();
            case 37 -> s -> s.byId.merge(item.id(), item, (o, v) -> o == null ? v : null);
            case 38 -> s -> s.byId.computeIfPresent(item.id(), (k, v) -> new Item(k, v.n() + 1, v.note(), v.kind()));
            case 39 -> s -> {
                for (Map.Entry<String, Item> e : s.byId.entrySet()) {
                    if (e.getValue() != null && e.getValue().n() == 1) {
                        e.setValue(new Item(e.getKey(), 2, "set", e.getValue().kind()));
                    }
                }
            };
            case 40 -> s -> s.byId.keySet().remove(item.id());
            case 41 -> s -> s.byId = new LinkedHashMap<>(Map.of(item.id(), item));
            case 42 -> s -> s.byId.put(null, item); // a null key: the turn fails
            case 43 -> s -> s.byId.putAll(Map.of(item.id(), item, "z" + word, item));
            case 44 -> s -> s.counts.merge(item.kind(), 1, Integer::sum);
            case 45 -> s -> s.counts.remove(item.kind());
            case 46 -> s -> s.counts = new LinkedHashMap<>(Map.of(Kind.B, x));
            case 47 -> s -> s.notes.put(word, "secret " + x % 3);
            case 48 -> s -> s.notes.remove(word);
            case 49 -> s -> s.seen.add(x % 5);
            case 50 -> s -> s.seen.remove(Integer.valueOf(x % 5));
            case 51 -> s -> s.counter += x % 2;
            case 52 -> s -> s.title = x % 3 == 0 ? s.title : "t" + x % 4;
            case 53 -> s -> s.title = x % 7 == 0 ? null : new String("t" + x % 2); // an equal string, another reference
            case 54 -> s -> s.pinned = x % 3 == 0 ? null : item;
            case 55 -> s -> s.mode = Kind.values()[x % 3];
            case 56 -> s -> s.box.n = x % 3;
            case 57 -> s -> s.box.tags.add(word);
            case 58 -> s -> s.groups.computeIfAbsent(word, k -> new ArrayList<>()).add(word);
            case 59 -> s -> s.words.addAll(x % (s.words.size() + 1), List.of(word, word));
            case 60 -> s -> s.words.removeAll(List.of(word));
            case 61 -> s -> s.items.retainAll(s.items.subList(0, s.items.size() / 2));
            case 62 -> s -> s.byId.values().removeIf(v -> v != null && v.n() == x % 3);
            default -> s -> s.words.sort(Comparator.reverseOrder());
        };
    }
}
