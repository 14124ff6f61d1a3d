package org.palmares.ceremony;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per key, in this node's memory, with a cap on the number of keys kept. */
public final class TokenBucketLimiter implements RateLimiter {
    private static final int MAX_KEYS = 200_000;

    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public TokenBucketLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Duration take(String key, Limit limit) {
        long now = clock.millis();
        if (buckets.size() > MAX_KEYS) {
            // Full buckets say nothing a new one would not: drop them.
            buckets.values().removeIf(b -> b.level(now, limit) >= limit.capacity());
        }
        Duration[] wait = {Duration.ZERO};
        buckets.compute(key, (k, old) -> {
            TokenBucket.Taken taken = (old == null ? TokenBucket.full(limit, now) : old).take(now, limit);
            wait[0] = taken.delay();
            return taken.bucket();
        });
        return wait[0];
    }

    @Override
    public void clear() {
        buckets.clear();
    }
}
