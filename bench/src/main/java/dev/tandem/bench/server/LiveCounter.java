package dev.tandem.bench.server;

import dev.tandem.Action;
import dev.tandem.Field;
import dev.tandem.LiveObject;

/** The benchmark counter without storage: each increment adds 1 and is broadcast, never written. */
@LiveObject("live-counter")
public class LiveCounter {
    @Field(stored = false) long count;

    @Action
    long increment() {
        return ++count;
    }
}
