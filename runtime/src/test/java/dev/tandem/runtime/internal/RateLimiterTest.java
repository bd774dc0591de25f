package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The call rate limit: a burst is allowed at once, then tokens come back at the sustained rate, never above the burst. */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private int takeAll(RateLimiter limiter) {
        int n = 0;
        while (limiter.tryAcquire()) {
            n++;
        }
        return n;
    }

    @Test
    void aFullBucketAllowsExactlyTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 5, nanos::get);
        assertEquals(5, takeAll(limiter));
        assertFalse(limiter.tryAcquire(), "empty until time passes");
    }

    @Test
    void tokensComeBackAtTheSustainedRate() {
        RateLimiter limiter = new RateLimiter(10, 5, nanos::get);
        takeAll(limiter);
        nanos.addAndGet(99_000_000L); // 0.99 of a token at 10 per second
        assertFalse(limiter.tryAcquire());
        nanos.addAndGet(1_000_000L);  // now one whole token (0.99 kept from before)
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        nanos.addAndGet(300_000_000L);
        assertEquals(3, takeAll(limiter));
    }

    @Test
    void anIdleBucketSavesNoMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 5, nanos::get);
        takeAll(limiter);
        nanos.addAndGet(60_000_000_000L); // a minute: 600 tokens' worth
        assertEquals(5, takeAll(limiter));
    }

    @Test
    void aBurstBelowOneStillAllowsOneCall() {
        RateLimiter limiter = new RateLimiter(1, 0, nanos::get);
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }
}
