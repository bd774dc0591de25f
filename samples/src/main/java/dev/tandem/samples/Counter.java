package dev.tandem.samples;

import dev.tandem.Action;
import dev.tandem.ActionRejected;
import dev.tandem.Field;
import dev.tandem.LiveObject;

/** The minimal live object: one number everyone shares, stored across restarts. */
@LiveObject("counter")
public class Counter {

    /** The current count. */
    @Field long count;

    /** Adds {@code by} (1 to 100) and returns the new count. */
    @Action
    long increment(int by) {
        if (by < 1 || by > 100) {
            throw new ActionRejected("Add between 1 and 100 at a time");
        }
        count += by;
        return count;
    }

    /** Subtracts one, down to zero. */
    @Action
    long decrement() {
        if (count == 0) {
            throw new ActionRejected("The count is already zero");
        }
        return --count;
    }

    /** Back to zero. */
    @Action
    void reset() {
        count = 0;
    }
}
