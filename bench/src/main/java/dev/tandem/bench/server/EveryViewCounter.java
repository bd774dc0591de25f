package dev.tandem.bench.server;

import dev.tandem.Action;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.View;

/**
 * The stored counter plus a view that changes for every viewer on every turn (the worst case):
 * each connection gets a frame of its own per increment.
 */
@LiveObject("every-view-counter")
public class EveryViewCounter {
    @Field long count;

    @View
    String seen(Caller viewer) {
        return viewer.userId() + "@" + count;
    }

    @Action
    long increment() {
        return ++count;
    }
}
