package dev.tandem.runtime.internal;

import dev.tandem.runtime.fixtures.Shelf;
import dev.tandem.spi.LiveObjectDefinition;
import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;

/** The {@code shelf} fixture's generated definition, and runners on it, for the tracking tests. */
final class Shelves {

    @SuppressWarnings("unchecked")
    static final LiveObjectDefinition<Shelf> SHELF = ServiceLoader.load(LiveObjectDefinition.class).stream()
            .map(p -> (LiveObjectDefinition<?>) p.get())
            .filter(d -> d.typeName().equals("shelf"))
            .map(d -> (LiveObjectDefinition<Shelf>) d)
            .findFirst().orElseThrow();

    private Shelves() {
    }

    /** @return a runner on {@code target}, tracking changes or diffing whole fields */
    static TurnRunner<Shelf> runner(Shelf target, boolean track) {
        return new TurnRunner<>(target, SHELF.state(),
                new InstanceContext(new InstanceKey("shelf", "s"), Clock.systemUTC(), List.of()), null, List.of(), track);
    }
}
