package com.example;

import dev.tandem.Action;
import dev.tandem.ActionRejected;
import dev.tandem.Field;
import dev.tandem.LiveObject;

/**
 * A number everyone on the same ID shares. Replace it with your own live object: mark the shared
 * state {@code @Field} and what clients may call {@code @Action}. Actions of one instance run one
 * at a time, so no locks are needed.
 */
@LiveObject("counter")
public class Counter {

    /** The shared count, stored on every change. */
    @Field long count;

    /** Adds 1 to 100 and returns the new count. */
    @Action
    long add(int by) {
        if (by < 1 || by > 100) {
            throw new ActionRejected("Add between 1 and 100 at a time"); // the caller's promise rejects with this
        }
        count += by;
        return count;
    }
}
