package dev.tandem.bench.server;

import dev.tandem.Action;
import dev.tandem.Field;
import dev.tandem.LiveObject;

/** The benchmark counter: each increment adds 1, is stored, and is broadcast to every connection. */
@LiveObject("counter")
public class StoredCounter {
    @Field long count;

    @Action
    long increment() {
        return ++count;
    }
}
