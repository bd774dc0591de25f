package dev.tandem.bench.server;

import dev.tandem.Action;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.ServerOnly;
import dev.tandem.View;
import java.util.HashMap;
import java.util.Map;

/**
 * The stored counter plus a view that changes only for the caller (like a private hand): every
 * increment also counts the caller's own increments in a server-only map, and each viewer sees
 * its own count as {@code mine}. Every viewer's view is computed after each turn; only the
 * caller's changes, so the others share one frame.
 */
@LiveObject("own-view-counter")
public class OwnViewCounter {
    @Field long count;
    @Field @ServerOnly Map<String, Long> byUser = new HashMap<>();

    @View
    long mine(Caller viewer) {
        return byUser.getOrDefault(viewer.userId(), 0L);
    }

    @Action
    long increment(Caller caller) {
        byUser.merge(caller.userId(), 1L, Long::sum);
        return ++count;
    }
}
