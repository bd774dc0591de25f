package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.spi.StateAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Finds what a turn changed in one field and turns it into JSON Patch operations, the same ones
 * {@link JsonDiff} gives for the field's JSON before and after the turn, at a cost that follows what
 * the turn changed rather than the field's size where the field's type allows
 * ({@link StateAccess.Tracking}); puts the field back when the turn fails; and keeps the field's
 * committed JSON for snapshots.
 *
 * @param <T> the live-object class
 */
abstract class FieldTracker<T> {

    final StateAccess<T> state;
    final int field;
    final String path;
    /** The committed value as JSON, or {@code null} when it must be read again from the object. */
    JsonNode committed;

    FieldTracker(StateAccess<T> state, int field, String path) {
        this.state = state;
        this.field = field;
        this.path = path;
    }

    /**
     * Makes the tracker for one field of an object between turns, installing a tracking collection
     * where the field's type and value allow.
     *
     * @param track whether to track at all; {@code false} compares every field as JSON after every turn
     */
    static <T> FieldTracker<T> of(StateAccess<T> state, T target, int field, String path, boolean track) {
        StateAccess.Tracking tracking = track ? state.tracking(field) : StateAccess.Tracking.DIFF;
        return switch (tracking) {
            case SCALAR, IMMUTABLE -> new Value<>(state, target, field, path, tracking == StateAccess.Tracking.SCALAR);
            case LIST -> new Elements<>(state, target, field, path);
            case MAP -> new Entries<>(state, target, field, path);
            default -> new Whole<>(state, target, field, path);
        };
    }

    /**
     * After a turn: appends the operations that turn the committed value into the current one. Changes
     * nothing: {@link #accept} or {@link #rollback} follows.
     *
     * @return whether the field changed
     */
    abstract boolean diff(T target, ArrayNode ops);

    /** After {@link #diff}: makes the current value the committed one. */
    abstract void accept(T target);

    /** After a failed turn (or a failed {@link #diff} of any field): puts the committed value back. */
    abstract void rollback(T target);

    /** @return the committed value as JSON; between turns only; shared, not to be modified */
    JsonNode committed(T target) {
        if (committed == null) {
            committed = state.read(target, field);
        }
        return committed;
    }

    /** Diffs the field as a whole. */
    final boolean diffWhole(JsonNode before, JsonNode now, ArrayNode ops) {
        if (now.equals(before)) {
            return false;
        }
        JsonDiff.diff(path, before, now, ops);
        return true;
    }

    /** Any field: read it into JSON after every turn and compare (what the runtime did before tracking). */
    static final class Whole<T> extends FieldTracker<T> {
        private JsonNode next;

        Whole(StateAccess<T> state, T target, int field, String path) {
            super(state, field, path);
            committed = state.read(target, field);
        }

        @Override
        boolean diff(T target, ArrayNode ops) {
            JsonNode now = state.read(target, field);
            if (diffWhole(committed, now, ops)) {
                next = now;
                return true;
            }
            return false;
        }

        @Override
        void accept(T target) {
            if (next != null) {
                committed = next;
                next = null;
            }
        }

        @Override
        void rollback(T target) {
            next = null;
            state.write(target, field, committed);
        }
    }

    /** A scalar, enum or immutable value: read into JSON only when it is another value. */
    static final class Value<T> extends FieldTracker<T> {
        private final boolean byEquals;
        private Object value;

        Value(StateAccess<T> state, T target, int field, String path, boolean byEquals) {
            super(state, field, path);
            this.byEquals = byEquals;
            this.value = state.get(target, field);
            this.committed = state.read(target, field);
        }

        private Object nextValue;
        private JsonNode next;

        @Override
        boolean diff(T target, ArrayNode ops) {
            Object now = state.get(target, field);
            if (now == value || byEquals && now != null && now.equals(value)) {
                return false;
            }
            JsonNode json = state.read(target, field);
            nextValue = now;
            next = json;
            return diffWhole(committed, json, ops);
        }

        @Override
        void accept(T target) {
            if (next != null) {
                value = nextValue;
                committed = next;
                next = null;
                nextValue = null;
            }
        }

        @Override
        void rollback(T target) {
            next = null;
            nextValue = null;
            state.set(target, field, value);
        }
    }

    /** A list of immutable elements, through a {@link TrackedList} installed in the field. */
    static final class Elements<T> extends FieldTracker<T> {
        /** The installed list, or {@code null} while the field holds a value that can't be tracked. */
        private TrackedList<Object> list;
        /** The field's value when it is not tracked. */
        private Object untracked;

        Elements(StateAccess<T> state, T target, int field, String path) {
            super(state, field, path);
            install(target, state.get(target, field));
        }

        @SuppressWarnings("unchecked")
        private void install(T target, Object value) {
            if (value instanceof List<?> l && l instanceof RandomAccess && !(l instanceof TrackedList<?>)
                    && !heldElsewhere(target, l)) {
                list = new TrackedList<>((List<Object>) l);
                untracked = null;
                state.set(target, field, list);
                committed = null;
            } else {
                list = null;
                untracked = value; // null, another kind of list, or one another field holds too
                committed = state.read(target, field);
            }
        }

        /** What {@link #diff} found: the field's value, and its JSON when not through the list. */
        private Object nextValue;
        private JsonNode next;
        private boolean changed;

        @Override
        boolean diff(T target, ArrayNode ops) {
            Object now = state.get(target, field);
            nextValue = now;
            next = null;
            if (list == null || now != list) { // not tracked, or the field was given another value
                JsonNode after = state.read(target, field);
                JsonNode before = list == null || committed != null ? committed : encode(list.before());
                changed = diffWhole(before, after, ops);
                next = after;
                return changed;
            }
            if (!list.touched()) {
                return changed = false;
            }
            if (list.bulk()) {
                JsonNode before = committed != null ? committed : encode(list.before());
                changed = diffWhole(before, encode(list.items()), ops);
            } else {
                changed = new ListPatch(list.touchedBefore(), list.low(), list.untouchedEnd()).diff(ops);
            }
            return changed;
        }

        @Override
        void accept(T target) {
            if (list != null && nextValue == list) {
                list.forget();
                if (changed) {
                    committed = null;
                }
            } else if (list != null || nextValue != untracked) {
                if (list != null) {
                    list.forget();
                    list.detach();
                }
                install(target, nextValue);
                if (list != null) {
                    committed = next; // the JSON diff read: the new list's committed value
                }
            } else if (changed) {
                committed = next;
            }
            nextValue = null;
            next = null;
            changed = false;
        }

        @Override
        void rollback(T target) {
            nextValue = null;
            next = null;
            changed = false;
            if (list == null) {
                if (state.get(target, field) != untracked) {
                    state.set(target, field, untracked);
                }
                if (untracked != null) {
                    state.write(target, field, committed); // it may have been changed in place
                    untracked = state.get(target, field);
                }
                return;
            }
            state.set(target, field, list);
            list.rollback();
        }

        private ArrayNode encode(List<?> items) {
            ArrayNode array = Frames.JSON.createArrayNode();
            for (Object item : items) {
                array.add(state.writeItem(field, item));
            }
            return array;
        }

        /**
         * {@link JsonDiff}'s array diff over the list before and after the turn, reading only the
         * part the turn touched (and, like the diff, equal elements next to it).
         */
        private final class ListPatch {
            private final List<Object> now;
            private final List<Object> window;
            private final int low;
            private final int nb;
            private final int na;
            private final int untouched;

            ListPatch(List<Object> window, int low, int untouchedEnd) {
                this.now = list.items();
                this.window = window;
                this.low = low;
                this.na = now.size();
                this.untouched = Math.min(untouchedEnd, na - low);
                this.nb = low + window.size() + untouched;
            }

            private Object before(int k) {
                if (k < low) {
                    return now.get(k);
                }
                if (k < low + window.size()) {
                    return window.get(k - low);
                }
                return now.get(k + na - nb);
            }

            private boolean same(int kb, int ka) {
                Object b = before(kb);
                Object a = now.get(ka);
                return a == b || state.writeItem(field, b).equals(state.writeItem(field, a));
            }

            boolean diff(ArrayNode ops) {
                int prefix = Math.min(low, Math.min(nb, na));
                while (prefix < nb && prefix < na) {
                    if (na == nb && prefix >= low + window.size()) {
                        prefix = nb; // past what the turn touched: the same references in the same places
                        break;
                    }
                    if (!same(prefix, prefix)) {
                        break;
                    }
                    prefix++;
                }
                int suffix = Math.min(untouched, Math.min(nb - prefix, na - prefix));
                while (suffix < nb - prefix && suffix < na - prefix && same(nb - 1 - suffix, na - 1 - suffix)) {
                    suffix++;
                }
                int midBefore = nb - prefix - suffix;
                int midAfter = na - prefix - suffix;
                if (midBefore == 0 && midAfter == 0) {
                    return false;
                }
                if (midBefore > 0 && midAfter > 0 && midBefore != midAfter) {
                    ObjectNode op = ops.addObject();
                    op.put("op", "replace").put("path", path).set("value", encode(now));
                    return true;
                }
                for (int i = 0; i < Math.min(midBefore, midAfter); i++) {
                    int k = prefix + i;
                    JsonDiff.diff(path + "/" + k, state.writeItem(field, before(k)), state.writeItem(field, now.get(k)), ops);
                }
                for (int i = midBefore - 1; i >= midAfter; i--) {
                    ops.addObject().put("op", "remove").put("path", path + "/" + (prefix + i));
                }
                for (int i = midBefore; i < midAfter; i++) {
                    String at = prefix + i == na - 1 ? "-" : String.valueOf(prefix + i);
                    ops.addObject().put("op", "add").put("path", path + "/" + at)
                            .set("value", state.writeItem(field, now.get(prefix + i)));
                }
                return true;
            }
        }
    }

    /** A map of immutable values, through a {@link TrackedMap} installed in the field. */
    static final class Entries<T> extends FieldTracker<T> {
        private TrackedMap<Object, Object> map;
        private Object untracked;

        Entries(StateAccess<T> state, T target, int field, String path) {
            super(state, field, path);
            install(target, state.get(target, field));
        }

        @SuppressWarnings("unchecked")
        private void install(T target, Object value) {
            if (value instanceof Map<?, ?> m && !(m instanceof TrackedMap<?, ?>) && !heldElsewhere(target, m)) {
                map = new TrackedMap<>((Map<Object, Object>) m);
                untracked = null;
                state.set(target, field, map);
                committed = null;
            } else {
                map = null;
                untracked = value;
                committed = state.read(target, field);
            }
        }

        private Object nextValue;
        private JsonNode next;
        private boolean changed;

        @Override
        boolean diff(T target, ArrayNode ops) {
            Object now = state.get(target, field);
            nextValue = now;
            next = null;
            if (map == null || now != map) {
                JsonNode after = state.read(target, field);
                JsonNode before = map == null || committed != null ? committed : encode(map.before());
                changed = diffWhole(before, after, ops);
                next = after;
                return changed;
            }
            if (!map.isTouched()) {
                return changed = false;
            }
            if (map.bulk()) {
                JsonNode before = committed != null ? committed : encode(map.before());
                changed = diffWhole(before, encode(map.items()), ops);
            } else {
                changed = diffTouched(ops);
            }
            return changed;
        }

        @Override
        void accept(T target) {
            if (map != null && nextValue == map) {
                map.forget();
                if (changed) {
                    committed = null;
                }
            } else if (map != null || nextValue != untracked) {
                if (map != null) {
                    map.forget();
                    map.detach();
                }
                install(target, nextValue);
                if (map != null) {
                    committed = next;
                }
            } else if (changed) {
                committed = next;
            }
            nextValue = null;
            next = null;
            changed = false;
        }

        /** {@link JsonDiff}'s object diff, over the keys the turn touched; none was removed. */
        private boolean diffTouched(ArrayNode ops) {
            Map<Object, Object> items = map.items();
            int changed = 0;
            int added = 0;
            List<Object> keys = new ArrayList<>();
            for (Map.Entry<Object, Object> e : map.touched().entrySet()) {
                Object key = e.getKey();
                Object was = e.getValue();
                if (was == TrackedMap.ABSENT) {
                    if (items.containsKey(key)) {
                        changed++;
                        added++;
                        keys.add(key);
                    }
                } else {
                    Object now = items.get(key);
                    if (now != was && !state.writeItem(field, was).equals(state.writeItem(field, now))) {
                        changed++;
                        keys.add(key);
                    }
                }
            }
            if (changed == 0) {
                return false;
            }
            int na = items.size();
            int nb = na - added;
            if (changed > 1 && changed * 2 > Math.max(nb, na)) {
                ObjectNode op = ops.addObject();
                op.put("op", "replace").put("path", path).set("value", encode(items));
                return true;
            }
            if (keys.size() > 1) { // in the map's order, as the diff of the whole object gives them
                java.util.Set<Object> wanted = new java.util.HashSet<>(keys);
                keys.clear();
                for (Object key : items.keySet()) {
                    if (wanted.contains(key)) {
                        keys.add(key);
                    }
                }
            }
            for (Object key : keys) {
                String child = path + "/" + JsonDiff.escape(name(key));
                Object was = map.touched().get(key);
                JsonNode now = state.writeItem(field, items.get(key));
                if (was == TrackedMap.ABSENT) {
                    ops.addObject().put("op", "add").put("path", child).set("value", now);
                } else {
                    JsonDiff.diff(child, state.writeItem(field, was), now, ops);
                }
            }
            return true;
        }

        private static String name(Object key) {
            if (key == null) {
                throw new IllegalStateException("a map holds a null key, which JSON cannot represent; remove it");
            }
            return key instanceof Enum<?> e ? e.name() : (String) key;
        }

        @Override
        void rollback(T target) {
            nextValue = null;
            next = null;
            changed = false;
            if (map == null) {
                if (state.get(target, field) != untracked) {
                    state.set(target, field, untracked);
                }
                if (untracked != null) {
                    state.write(target, field, committed);
                    untracked = state.get(target, field);
                }
                return;
            }
            state.set(target, field, map);
            map.rollback();
            committed = null; // a map that grew may iterate in another order now
        }

        private ObjectNode encode(Map<?, ?> items) {
            ObjectNode object = Frames.JSON.createObjectNode();
            for (Map.Entry<?, ?> e : items.entrySet()) {
                object.set(name(e.getKey()), state.writeItem(field, e.getValue()));
            }
            return object;
        }
    }

    /**
     * Whether another field holds the same collection, directly or inside its tracking collection: a
     * change through one field would not be seen by a tracker of the other, so neither is tracked.
     */
    final boolean heldElsewhere(T target, Object value) {
        for (int j = 0; j < state.fields().size(); j++) {
            if (j != field) {
                Object other = state.get(target, j);
                if (other == value || other instanceof TrackedList<?> l && l.items() == value
                        || other instanceof TrackedMap<?, ?> m && m.items() == value) {
                    return true;
                }
            }
        }
        return false;
    }
}
