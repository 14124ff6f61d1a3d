package org.palmares.ceremony;

import java.time.Duration;

/**
 * One key's token bucket: how many requests it still lets through, as of a time (epoch milliseconds). Immutable; the
 * limiters keep one per key, in memory ({@link TokenBucketLimiter}) or in the cluster ({@link ClusterLimiter}).
 */
record TokenBucket(double tokens, long at) {
    static TokenBucket full(RateLimiter.Limit limit, long now) {
        return new TokenBucket(limit.capacity(), now);
    }

    /** The tokens at {@code now}: refilled smoothly up to the capacity. */
    double level(long now, RateLimiter.Limit limit) {
        return Math.min(limit.capacity(), tokens + Math.max(0, now - at) * perMilli(limit));
    }

    /** Takes one token at {@code now}: the bucket after, and the delay before the next request may go (zero: now). */
    Taken take(long now, RateLimiter.Limit limit) {
        double level = level(now, limit);
        if (level >= 1) return new Taken(new TokenBucket(level - 1, now), Duration.ZERO);
        long delay = (long) Math.ceil((1 - level) / perMilli(limit));
        return new Taken(new TokenBucket(level, now), Duration.ofMillis(delay));
    }

    private static double perMilli(RateLimiter.Limit limit) {
        return (double) limit.capacity() / limit.period().toMillis();
    }

    record Taken(TokenBucket bucket, Duration delay) {}
}
