package org.palmares.ceremony;

import java.time.Duration;

/**
 * Counts requests per key (a client network, a voter's hash) against a limit: {@link TokenBucketLimiter} in one
 * instance's memory, {@link ClusterLimiter} shared by the instances of a cluster.
 */
public interface RateLimiter {
    /** At most {@code capacity} requests per {@code period}, refilled smoothly. */
    record Limit(int capacity, Duration period) {
        public Limit {
            if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
            if (period.isZero() || period.isNegative()) throw new IllegalArgumentException("period must be > 0");
        }
    }

    /** Takes one request for the key: zero when allowed, else how long to wait before the next one is. */
    Duration take(String key, Limit limit);

    /** Forgets every key (tests, or an organiser lifting limits after a false alarm). */
    void clear();
}
