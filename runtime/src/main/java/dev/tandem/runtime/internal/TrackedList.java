package dev.tandem.runtime.internal;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The list a {@code LIST} field holds while its instance is active: it holds the field's own copy
 * of the {@code ArrayList} the field had (so no other reference can change it unseen) and records
 * what each turn does to it, so that the turn's patch and its rollback cost what the turn changed. Within a turn it keeps
 * the lowest position touched, how many elements at the end were never touched, and an undo entry
 * per change; a bulk change ({@code clear}, {@code sort}, {@code removeIf}, {@code replaceAll})
 * keeps a copy of the list as it was instead. The elements are immutable, so the same reference is
 * the same value.
 *
 * <p>Used on the instance's turn thread only.
 *
 * @param <E> the element type
 */
final class TrackedList<E> extends AbstractList<E> implements RandomAccess, TrackedCollection {

    private static final byte SET = 0;
    private static final byte ADD = 1;
    private static final byte REMOVE = 2;

    private final List<E> items;
    /** Undo entries of this turn, in order: kind, position, and the element replaced or removed. */
    private byte[] kinds = new byte[8];
    private int[] positions = new int[8];
    private Object[] olds = new Object[8];
    private int changes;
    /** The lowest position touched this turn, or {@code Integer.MAX_VALUE}. */
    private int low = Integer.MAX_VALUE;
    /** How many elements at the end this turn never touched. */
    private int untouchedEnd = Integer.MAX_VALUE;
    /** The list as the turn found it, once a bulk change was made; then the undo entries are not kept. */
    private List<E> before;
    private boolean detached;

    /** @param items the list to hold and change: the field's own copy */
    TrackedList(List<E> items) {
        this.items = items;
    }

    /** @return the object's own list, which this one changes */
    List<E> items() {
        return items;
    }

    @Override
    public boolean touched() {
        return changes > 0 || before != null;
    }

    @Override
    public boolean bulk() {
        return before != null;
    }

    /** @return the lowest position touched this turn */
    int low() {
        return low;
    }

    /** @return how many elements at the end were not touched this turn */
    int untouchedEnd() {
        return untouchedEnd;
    }

    /**
     * @return the list as the turn found it: a copy, made from the undo entries (which cost what the
     *     turn changed) unless a bulk change kept one
     */
    List<E> before() {
        if (before != null) {
            return before;
        }
        List<E> was = new ArrayList<>(items);
        undo(was);
        return was;
    }

    /**
     * @return the part of the list as the turn found it between {@link #low()} and its
     *     {@link #untouchedEnd()}, in its positions from {@code low}; not after a bulk change
     */
    List<E> touchedBefore() {
        int end = items.size() - untouchedEnd;
        List<E> was = new ArrayList<>(items.subList(low, Math.max(low, end)));
        for (int i = changes - 1; i >= 0; i--) {
            undoOne(was, i, low);
        }
        return was;
    }

    @Override
    public void rollback() {
        if (before != null) {
            if (!items.equals(before)) { // equal when the change that made the copy was refused
                items.clear();
                items.addAll(before);
            }
        } else {
            undo(items);
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
        if (changes > 0) {
            java.util.Arrays.fill(olds, 0, changes, null);
        }
        changes = 0;
        low = Integer.MAX_VALUE;
        untouchedEnd = Integer.MAX_VALUE;
        before = null;
        modCount++;
    }

    private void undo(List<E> list) {
        for (int i = changes - 1; i >= 0; i--) {
            undoOne(list, i, 0);
        }
    }

    @SuppressWarnings("unchecked")
    private void undoOne(List<E> list, int i, int offset) {
        int at = positions[i] - offset;
        switch (kinds[i]) {
            case SET -> list.set(at, (E) olds[i]);
            case ADD -> list.remove(at);
            default -> list.add(at, (E) olds[i]);
        }
    }

    private void record(byte kind, int position, Object old, int sizeBefore) {
        if (detached) {
            return;
        }
        low = Math.min(low, position);
        int end = kind == ADD ? sizeBefore - position : sizeBefore - 1 - position;
        untouchedEnd = Math.min(untouchedEnd, end);
        if (before != null) {
            return;
        }
        if (changes == kinds.length) {
            int n = changes * 2;
            kinds = java.util.Arrays.copyOf(kinds, n);
            positions = java.util.Arrays.copyOf(positions, n);
            olds = java.util.Arrays.copyOf(olds, n);
        }
        kinds[changes] = kind;
        positions[changes] = position;
        olds[changes] = old;
        changes++;
    }

    private void beforeBulk() {
        if (detached) {
            return;
        }
        if (before == null) {
            before = before();
            java.util.Arrays.fill(olds, 0, changes, null);
            changes = 0;
        }
        low = 0;
        untouchedEnd = 0;
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public E set(int index, E element) {
        E old = items.set(index, element);
        record(SET, index, old, items.size());
        return old;
    }

    @Override
    public void add(int index, E element) {
        int size = items.size();
        items.add(index, element);
        record(ADD, index, null, size);
        modCount++;
    }

    @Override
    public boolean add(E element) {
        add(items.size(), element);
        return true;
    }

    @Override
    public E remove(int index) {
        int size = items.size();
        E old = items.remove(index);
        record(REMOVE, index, old, size);
        modCount++;
        return old;
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        for (E e : new ArrayList<>(c)) { // a copy: c may be this list
            add(e);
        }
        return !c.isEmpty();
    }

    @Override
    public void clear() {
        if (!items.isEmpty()) {
            beforeBulk();
            items.clear();
            modCount++;
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        beforeBulk();
        boolean removed = items.removeIf(filter);
        modCount++;
        return removed;
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        beforeBulk();
        items.replaceAll(operator);
        modCount++;
    }

    @Override
    public void sort(Comparator<? super E> c) {
        beforeBulk();
        items.sort(c);
        modCount++;
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        if (toIndex - fromIndex > 8) {
            beforeBulk();
            items.subList(fromIndex, toIndex).clear();
            modCount++;
        } else {
            for (int i = toIndex - 1; i >= fromIndex; i--) {
                remove(i);
            }
        }
    }

    @Override
    public int indexOf(Object o) {
        return items.indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return items.lastIndexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return items.contains(o);
    }

    @Override
    public Object[] toArray() {
        return items.toArray();
    }

    @Override
    public <A> A[] toArray(A[] a) {
        return items.toArray(a);
    }

    @Override
    public void forEach(java.util.function.Consumer<? super E> action) {
        items.forEach(action);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        List<E> copy = new ArrayList<>(c); // c may be this list or a view of it, as ArrayList allows
        for (E e : copy) {
            add(index++, e);
        }
        return !copy.isEmpty();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        beforeBulk();
        boolean changed = items.removeAll(c); // as the list itself does it, c a view of it included
        modCount++;
        return changed;
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        beforeBulk();
        boolean changed = items.retainAll(c);
        modCount++;
        return changed;
    }

    @Override
    public boolean equals(Object o) {
        return items.equals(o instanceof TrackedList<?> t ? t.items : o);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
