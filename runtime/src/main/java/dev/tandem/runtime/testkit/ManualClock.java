package dev.tandem.runtime.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to; what {@code LiveContext.now()} returns in a test kit. */
public final class ManualClock extends Clock {

    private volatile Instant now;

    /** @param start the time it shows */
    public ManualClock(Instant start) {
        this.now = start;
    }

    /** @param by how far to move it forward */
    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
