package org.palmares.ceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.palmares.platform.ClusterTopic;
import org.palmares.platform.TooManyRequests;

/** The rate limits of the public vote, shared by the instances of a cluster (see {@link #limiter()}). */
@ApplicationScoped
public class VoteLimits {
    @Inject
    VoteSettings settings;

    @Inject
    Clock clock;

    private volatile RateLimiter limiter;

    /** The cluster's limits when this instance is in one (Payara's Hazelcast runs), else this instance's. */
    private RateLimiter limiter() {
        if (limiter == null) {
            synchronized (this) {
                if (limiter == null) {
                    limiter = ClusterTopic.hazelcast()
                            .<RateLimiter>map(hazelcast -> new ClusterLimiter(hazelcast, clock))
                            .orElseGet(() -> new TokenBucketLimiter(clock));
                }
            }
        }
        return limiter;
    }

    public void cast(String client, String voterHash) {
        require(limiter().take("cast-ip:" + client, settings.castsPerIp()));
        require(limiter().take("cast-voter:" + voterHash, settings.castsPerAddress()));
    }

    public void verify(String client) {
        require(limiter().take("verify-ip:" + client, settings.verificationsPerIp()));
    }

    /** Forgets every count (for tests, or after a false alarm). */
    public void reset() {
        if (limiter != null) limiter.clear();
    }

    private static void require(Duration wait) {
        if (!wait.isZero()) throw new TooManyRequests("vote.rateLimited", wait);
    }
}
