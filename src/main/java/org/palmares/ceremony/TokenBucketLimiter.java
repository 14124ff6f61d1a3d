package org.palmares.ceremony;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per key, in this node's memory, with a cap on the number of keys kept. */
public final class TokenBucketLimiter implements RateLimiter {
    private static final int MAX_KEYS = 200_000;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

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
            Bucket bucket = old == null ? new Bucket(limit.capacity(), now) : old;
            double tokens = bucket.level(now, limit);
            if (tokens >= 1) return new Bucket(tokens - 1, now);
            double perMilli = (double) limit.capacity() / limit.period().toMillis();
            wait[0] = Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
            return new Bucket(tokens, now);
        });
        return wait[0];
    }

    /** Forgets every key (tests, or an organiser lifting limits after a false alarm). */
    public void clear() {
        buckets.clear();
    }

    private record Bucket(double tokens, long at) {
        double level(long now, Limit limit) {
            double perMilli = (double) limit.capacity() / limit.period().toMillis();
            return Math.min(limit.capacity(), tokens + Math.max(0, now - at) * perMilli);
        }
    }
}
