package dev.tandem.spi;

import dev.tandem.LiveContext;

/** Resolves the constructor parameters of a live-object class. */
public interface Dependencies {

    /**
     * @param type the parameter's type
     * @param <D> the type
     * @return the application's bean of that type
     */
    <D> D bean(Class<D> type);

    /** @return the context of the instance being created */
    LiveContext context();
}
