package org.palmares.ceremony;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rate limits shared by every instance of a cluster: each key's bucket lives in a map of the Hazelcast that
 * Payara runs, changed under the key's lock, and expires once it would be full again (a period untouched). So a
 * client spreading its requests over the instances behind a proxy gets the same limits as on one. Should the cluster
 * fail a call, this instance counts on its own meanwhile: a limit is a guard, not a ledger.
 */
public final class ClusterLimiter implements RateLimiter {
    private static final Logger LOG = Logger.getLogger(ClusterLimiter.class.getName());
    static final String MAP = "palmares.rate-limits";

    private final IMap<String, double[]> buckets;
    private final Clock clock;
    private final TokenBucketLimiter alone;
    private final AtomicLong lastWarning = new AtomicLong();

    public ClusterLimiter(HazelcastInstance hazelcast, Clock clock) {
        this.buckets = hazelcast.getMap(MAP);
        this.clock = clock;
        this.alone = new TokenBucketLimiter(clock);
    }

    @Override
    public Duration take(String key, Limit limit) {
        try {
            // A lease, so that a lock whose holder died mid-way frees itself.
            buckets.lock(key, 10, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            return alone(key, limit, e);
        }
        try {
            long now = clock.millis();
            double[] kept = buckets.get(key);
            TokenBucket bucket = kept == null ? TokenBucket.full(limit, now) : new TokenBucket(kept[0], (long) kept[1]);
            TokenBucket.Taken taken = bucket.take(now, limit);
            buckets.set(
                    key,
                    new double[] {taken.bucket().tokens(), taken.bucket().at()},
                    limit.period().toMillis(),
                    TimeUnit.MILLISECONDS);
            return taken.delay();
        } catch (RuntimeException e) {
            return alone(key, limit, e);
        } finally {
            try {
                buckets.unlock(key);
            } catch (RuntimeException ignored) {
                // The lease ran out, or the cluster is gone: the lock is free either way.
            }
        }
    }

    private Duration alone(String key, Limit limit, RuntimeException cause) {
        long now = clock.millis();
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, "Rate limits counted on this instance alone: the cluster did not answer", cause);
        }
        return alone.take(key, limit);
    }

    @Override
    public void clear() {
        alone.clear();
        try {
            buckets.clear();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rate limits not cleared in the cluster", e);
        }
    }
}
