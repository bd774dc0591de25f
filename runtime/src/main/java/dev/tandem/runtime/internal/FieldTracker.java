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
     * Makes the trackers of every field of an object between turns, installing tracking collections
     * where the fields' types and values allow; a collection two fields hold is compared whole in both.
     *
     * @param track whether to track at all; {@code false} compares every field as JSON after every turn
     * @return one tracker per field, in field order
     */
    static <T> List<FieldTracker<T>> all(StateAccess<T> state, T target, boolean track) {
        int n = state.fields().size();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Object> shared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean byElement = false;
        for (int i = 0; i < n && track; i++) {
            byElement |= state.tracking(i) == StateAccess.Tracking.LIST || state.tracking(i) == StateAccess.Tracking.MAP;
        }
        for (int i = 0; i < n && byElement; i++) { // scalars and immutable values can't be shared collections
            StateAccess.Tracking t = state.tracking(i);
            Object value = t == StateAccess.Tracking.SCALAR || t == StateAccess.Tracking.IMMUTABLE ? null : state.get(target, i);
            if (value != null && !seen.add(value)) {
                shared.add(value);
            }
        }
        List<FieldTracker<T>> trackers = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            trackers.add(of(state, target, i, "/" + JsonDiff.escape(state.fields().get(i).name()), track, shared));
        }
        return List.copyOf(trackers);
    }

    private static <T> FieldTracker<T> of(StateAccess<T> state, T target, int field, String path, boolean track,
            java.util.Set<Object> shared) {
        StateAccess.Tracking tracking = track ? state.tracking(field) : StateAccess.Tracking.DIFF;
        return switch (tracking) {
            case SCALAR, IMMUTABLE -> new Value<>(state, target, field, path, tracking == StateAccess.Tracking.SCALAR);
            case LIST -> new Elements<>(state, target, field, path, shared);
            case MAP -> new Entries<>(state, target, field, path, shared);
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

    /**
     * A collection field, through a tracking collection ({@link TrackedList}, {@link TrackedMap})
     * installed in the field while it holds a collection that can be tracked; read whole while it
     * holds one that can't (null, another kind, one that another field holds too).
     *
     * @param <T> the live-object class
     * @param <W> the tracking collection
     */
    abstract static class Wrapped<T, W extends TrackedCollection> extends FieldTracker<T> {
        /** The installed collection, or {@code null} while the field holds a value that can't be tracked. */
        W wrapper;
        /** The field's value when it is not tracked. */
        private Object untracked;
        /** What {@link #diff} found: the field's value, and its JSON when not through the wrapper. */
        private Object nextValue;
        private JsonNode next;
        private boolean changed;

        Wrapped(StateAccess<T> state, int field, String path) {
            super(state, field, path);
        }

        /** @return a tracking collection around {@code value}, or {@code null} if it can't be tracked */
        abstract W wrap(Object value);

        /** @return the collection as the turn found it, as JSON */
        abstract JsonNode encodeBefore();


        /** The operations for what the turn touched, when it made no bulk change; {@link JsonDiff}'s exactly. */
        abstract boolean diffTouched(ArrayNode ops);

        /**
         * The operations after a bulk change, from the copy the collection kept: {@link JsonDiff}'s
         * exactly, comparing elements by reference first and reading into JSON only those that differ.
         */
        abstract boolean diffBulk(ArrayNode ops);

        /** @return whether the copy a tracking collection makes iterates in the order of what it copied */
        boolean keepsOrder() {
            return true;
        }

        final void install(T target, Object value, java.util.Set<Object> shared) {
            W w = value == null || shared.contains(value) || heldElsewhere(target, value) ? null : wrap(value);
            if (w != null) {
                wrapper = w;
                untracked = null;
                state.set(target, field, w);
                committed = null;
            } else {
                wrapper = null;
                untracked = value;
                committed = state.read(target, field);
            }
        }

        @Override
        final boolean diff(T target, ArrayNode ops) {
            Object now = state.get(target, field);
            nextValue = now;
            next = null;
            if (wrapper == null || now != wrapper) { // not tracked, or the field was given another value
                JsonNode after = state.read(target, field);
                JsonNode before = wrapper == null || committed != null ? committed : encodeBefore();
                changed = diffWhole(before, after, ops);
                next = after;
                return changed;
            }
            if (!wrapper.touched()) {
                return changed = false;
            }
            if (wrapper.bulk()) {
                changed = diffBulk(ops);
            } else {
                changed = diffTouched(ops);
            }
            return changed;
        }

        @Override
        final void accept(T target) {
            if (wrapper != null && nextValue == wrapper) {
                wrapper.forget();
                if (changed) {
                    committed = null;
                }
            } else if (wrapper != null || nextValue != untracked) {
                if (wrapper != null) {
                    wrapper.detach();
                }
                install(target, nextValue, java.util.Set.of());
                if (wrapper != null && keepsOrder()) {
                    committed = next; // the JSON the diff read: the new collection's committed value
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
            if (wrapper == null) {
                if (state.get(target, field) != untracked) {
                    state.set(target, field, untracked);
                }
                if (untracked != null) {
                    state.write(target, field, committed); // it may have been changed in place
                    untracked = state.get(target, field);
                }
                return;
            }
            state.set(target, field, wrapper);
            wrapper.rollback();
        }
    }

    /** A list of immutable elements, through a {@link TrackedList}. */
    static final class Elements<T> extends Wrapped<T, TrackedList<Object>> {

        Elements(StateAccess<T> state, T target, int field, String path, java.util.Set<Object> shared) {
            super(state, field, path);
            install(target, state.get(target, field), shared);
        }

        /**
         * Tracks a copy of an {@code ArrayList} (what decoding makes and what fields start with):
         * the field owns its list from then on, so no other reference can change it unseen. Any other
         * list (unmodifiable, a view of another list, another class) is compared whole.
         */
        @Override
        @SuppressWarnings("unchecked")
        TrackedList<Object> wrap(Object value) {
            return value.getClass() == java.util.ArrayList.class
                    ? new TrackedList<>(new java.util.ArrayList<>((List<Object>) value)) : null;
        }

        @Override
        JsonNode encodeBefore() {
            return encode(wrapper.before());
        }


        @Override
        boolean diffTouched(ArrayNode ops) {
            return new ListPatch(wrapper.touchedBefore(), wrapper.low(), wrapper.untouchedEnd()).diff(ops);
        }

        @Override
        boolean diffBulk(ArrayNode ops) {
            return new ListPatch(wrapper.before(), 0, 0).diff(ops); // the whole list is the touched part
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
                this.now = wrapper.items();
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

    /** A map of immutable values, through a {@link TrackedMap}. */
    static final class Entries<T> extends Wrapped<T, TrackedMap<Object, Object>> {

        Entries(StateAccess<T> state, T target, int field, String path, java.util.Set<Object> shared) {
            super(state, field, path);
            install(target, state.get(target, field), shared);
        }

        /**
         * Tracks a copy, of the same class, of a {@code LinkedHashMap}, {@code HashMap}, {@code EnumMap}
         * or naturally ordered {@code TreeMap}: the field owns its map from then on. Any other map (one
         * that finds keys by a comparator or by identity, unmodifiable, concurrent, a view) is compared
         * whole.
         */
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        TrackedMap<Object, Object> wrap(Object value) {
            Map<Object, Object> copy;
            if (value.getClass() == java.util.LinkedHashMap.class) {
                copy = new java.util.LinkedHashMap<>((Map<Object, Object>) value);
            } else if (value.getClass() == java.util.HashMap.class) {
                copy = new java.util.HashMap<>((Map<Object, Object>) value);
            } else if (value instanceof java.util.TreeMap<?, ?> t && t.getClass() == java.util.TreeMap.class
                    && t.comparator() == null) {
                copy = new java.util.TreeMap<>((java.util.SortedMap<Object, Object>) value);
            } else if (value.getClass() == java.util.EnumMap.class) {
                copy = new java.util.EnumMap((java.util.EnumMap) value);
            } else {
                return null;
            }
            return new TrackedMap<>(copy);
        }

        @Override
        boolean keepsOrder() {
            return wrapper == null || wrapper.items().getClass() != java.util.HashMap.class; // a copy may iterate otherwise
        }

        @Override
        JsonNode encodeBefore() {
            return encode(wrapper.before());
        }


        /** {@link JsonDiff}'s object diff, over the keys the turn touched; none was removed. */
        @Override
        boolean diffTouched(ArrayNode ops) {
            Map<Object, Object> items = wrapper.items();
            int changed = 0;
            int added = 0;
            List<Object> keys = new ArrayList<>();
            for (Map.Entry<Object, Object> e : wrapper.originals().entrySet()) {
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
                Object was = wrapper.originals().get(key);
                JsonNode now = state.writeItem(field, items.get(key));
                if (was == TrackedMap.ABSENT) {
                    ops.addObject().put("op", "add").put("path", child).set("value", now);
                } else {
                    JsonDiff.diff(child, state.writeItem(field, was), now, ops);
                }
            }
            return true;
        }

        @Override
        boolean diffBulk(ArrayNode ops) {
            Map<Object, Object> before = wrapper.before();
            Map<Object, Object> after = wrapper.items();
            int changed = 0;
            for (Map.Entry<Object, Object> e : before.entrySet()) {
                if (!after.containsKey(e.getKey()) || !same(e.getValue(), after.get(e.getKey()))) {
                    changed++;
                }
            }
            for (Object key : after.keySet()) {
                if (!before.containsKey(key)) {
                    changed++;
                }
            }
            if (changed == 0) {
                return false;
            }
            if (changed > 1 && changed * 2 > Math.max(before.size(), after.size())) {
                ObjectNode op = ops.addObject();
                op.put("op", "replace").put("path", path).set("value", encode(after));
                return true;
            }
            for (Object key : before.keySet()) {
                if (!after.containsKey(key)) {
                    ops.addObject().put("op", "remove").put("path", path + "/" + JsonDiff.escape(name(key)));
                }
            }
            for (Map.Entry<Object, Object> e : after.entrySet()) {
                String child = path + "/" + JsonDiff.escape(name(e.getKey()));
                if (!before.containsKey(e.getKey())) {
                    ops.addObject().put("op", "add").put("path", child).set("value", state.writeItem(field, e.getValue()));
                } else if (before.get(e.getKey()) != e.getValue()) {
                    JsonDiff.diff(child, state.writeItem(field, before.get(e.getKey())), state.writeItem(field, e.getValue()),
                            ops);
                }
            }
            return true;
        }

        private boolean same(Object a, Object b) {
            return a == b || state.writeItem(field, a).equals(state.writeItem(field, b));
        }

        private static String name(Object key) {
            if (key == null) {
                throw new IllegalStateException("a map holds a null key, which JSON cannot represent; remove it");
            }
            return key instanceof Enum<?> e ? e.name() : (String) key;
        }

        @Override
        void rollback(T target) {
            super.rollback(target);
            if (wrapper != null) {
                committed = null; // a map that grew may iterate in another order now
            }
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
     * Whether another field holds the same collection: the fields share it (a change through one
     * shows in the other), so neither is tracked and both are compared whole, as without tracking.
     */
    final boolean heldElsewhere(T target, Object value) {
        for (int j = 0; j < state.fields().size(); j++) {
            if (j != field) {
                Object other = state.get(target, j);
                if (other == value) {
                    return true;
                }
            }
        }
        return false;
    }
}
