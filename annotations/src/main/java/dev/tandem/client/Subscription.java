package dev.tandem.client;

/** A registered listener; close it to stop listening. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Stops the listener. Closing twice does nothing. */
    @Override
    void close();
}
