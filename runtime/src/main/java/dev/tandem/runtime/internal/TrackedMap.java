package dev.tandem.runtime.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The map a {@code MAP} field holds while its instance is active: it holds the field's own copy, of
 * the same class, of the map the field had (so no other reference can change it unseen) and records, per turn, the value each touched key had when the
 * turn began, so that the turn's patch and its rollback cost what the turn changed. Removing a key
 * the turn found present, or clearing, keeps a copy of the whole map as the turn found it instead
 * (putting a removed key back would not restore its place in an ordered map). The values are
 * immutable, so the same reference is the same value.
 *
 * <p>Used on the instance's turn thread only.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class TrackedMap<K, V> extends AbstractMap<K, V> implements TrackedCollection {

    /** Marks a key the turn found absent. */
    static final Object ABSENT = new Object();

    private final Map<K, V> items;
    /** Each key touched this turn with its value when the turn began, or {@link #ABSENT}. */
    private final LinkedHashMap<K, Object> touched = new LinkedHashMap<>();
    /** The map as the turn found it, once a present key was removed; then {@link #touched} is not kept. */
    private LinkedHashMap<K, V> before;
    private boolean detached;
    private Set<Entry<K, V>> entries;

    /** @param items the map to hold and change: the field's own copy */
    TrackedMap(Map<K, V> items) {
        this.items = items;
    }

    /** @return the object's own map, which this one changes */
    Map<K, V> items() {
        return items;
    }

    /** @return the keys touched this turn with their values when it began ({@link #ABSENT} if absent) */
    Map<K, Object> originals() {
        return touched;
    }

    @Override
    public boolean touched() {
        return !touched.isEmpty() || before != null;
    }

    @Override
    public boolean bulk() {
        return before != null;
    }

    /** @return the map as the turn found it: a copy */
    Map<K, V> before() {
        if (before != null) {
            return before;
        }
        LinkedHashMap<K, V> was = new LinkedHashMap<>(items);
        restore(was);
        return was;
    }

    @Override
    public void rollback() {
        if (before != null) {
            if (!items.equals(before)) { // equal when the change that made the copy was refused
                items.clear();
                items.putAll(before);
            }
        } else {
            restore(items);
        }
        forget();
    }

    @Override
    public void detach() {
        detached = true;
        forget();
    }

    @Override
    public void forget() {
        touched.clear();
        before = null;
    }

    @SuppressWarnings("unchecked")
    private void restore(Map<K, V> map) {
        for (Entry<K, Object> e : touched.entrySet()) {
            if (e.getValue() == ABSENT) {
                map.remove(e.getKey());
            } else {
                map.put(e.getKey(), (V) e.getValue()); // the key was never removed: it keeps its place
            }
        }
    }

    private void touch(Object key) {
        if (!detached && before == null && !touched.containsKey(key)) {
            @SuppressWarnings("unchecked")
            K k = (K) key;
            touched.put(k, items.containsKey(key) ? items.get(key) : ABSENT);
        }
    }

    /** After a change the object's map accepted: records what the key held before it. */
    private void changed(K key, boolean had, V old) {
        if (!detached && before == null && !touched.containsKey(key)) {
            touched.put(key, had ? old : ABSENT);
        }
    }

    /** Before removing a key: one the turn found present makes this turn keep the whole map. */
    private void beforeRemoving(Object key) {
        if (detached) {
            return;
        }
        if (before == null && items.containsKey(key) && touched.get(key) != ABSENT) {
            before = new LinkedHashMap<>(before());
            touched.clear();
        }
        touch(key);
    }

    @Override
    public V get(Object key) {
        return items.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return items.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return items.containsValue(value);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public V put(K key, V value) {
        boolean had = items.containsKey(key);
        V old = items.put(key, value);
        changed(key, had, old);
        return old;
    }

    @Override
    public V remove(Object key) {
        if (!items.containsKey(key)) {
            return null;
        }
        beforeRemoving(key);
        return items.remove(key);
    }

    @Override
    public void clear() {
        if (!items.isEmpty()) {
            if (!detached && before == null) {
                before = new LinkedHashMap<>(before());
                touched.clear();
            }
            items.clear();
        }
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        items.forEach(action);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Entry<K, V>> iterator() {
                    Iterator<Entry<K, V>> it = items.entrySet().iterator();
                    return new Iterator<>() {
                        private Entry<K, V> last;

                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<K, V> next() {
                            Entry<K, V> e = it.next();
                            last = e;
                            return new Entry<>() {
                                @Override
                                public K getKey() {
                                    return e.getKey();
                                }

                                @Override
                                public V getValue() {
                                    return e.getValue();
                                }

                                @Override
                                public V setValue(V value) {
                                    V old = e.setValue(value);
                                    changed(e.getKey(), true, old);
                                    return old;
                                }

                                @Override
                                public boolean equals(Object o) {
                                    return o instanceof Entry<?, ?> other && java.util.Objects.equals(getKey(), other.getKey())
                                            && java.util.Objects.equals(getValue(), other.getValue());
                                }

                                @Override
                                public int hashCode() {
                                    return java.util.Objects.hashCode(getKey()) ^ java.util.Objects.hashCode(getValue());
                                }

                                @Override
                                public String toString() {
                                    return getKey() + "=" + getValue();
                                }
                            };
                        }

                        @Override
                        public void remove() {
                            if (last == null) {
                                throw new IllegalStateException("next() was not called");
                            }
                            beforeRemoving(last.getKey());
                            it.remove();
                            last = null;
                        }
                    };
                }

                @Override
                public int size() {
                    return items.size();
                }

                @Override
                public boolean contains(Object o) {
                    return items.entrySet().contains(o);
                }
            };
        }
        return entries;
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
