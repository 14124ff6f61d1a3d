package org.palmares.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vote's rate limits over a cluster: two Hazelcast members in this JVM, joined over TCP on 127.0.0.1 only (no
 * multicast, no discovery, no phone-home), each with its own {@link ClusterLimiter}, as two Payara instances.
 */
class ClusterLimiterTest {
    private static HazelcastInstance a;
    private static HazelcastInstance b;

    @BeforeAll
    static void cluster() {
        String name = "palmares-test-" + UUID.randomUUID();
        a = Hazelcast.newHazelcastInstance(loopback(name));
        b = Hazelcast.newHazelcastInstance(loopback(name));
        assertEquals(2, a.getCluster().getMembers().size(), "the two members joined");
    }

    private static Config loopback(String name) {
        Config config = new Config().setClusterName(name);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().setPort(5971).setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        return config;
    }

    @AfterAll
    static void stop() {
        if (b != null) b.shutdown();
        if (a != null) a.shutdown();
    }

    @Test
    void a_client_spreading_its_requests_over_two_instances_gets_the_limit_once_not_twice() {
        var clock = new VoteRulesTest.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var onA = new ClusterLimiter(a, clock);
        var onB = new ClusterLimiter(b, clock);
        var limit = new RateLimiter.Limit(3, Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, onA.take("cast-ip:198.51.100.0/24", limit));
        assertEquals(Duration.ZERO, onB.take("cast-ip:198.51.100.0/24", limit));
        assertEquals(Duration.ZERO, onA.take("cast-ip:198.51.100.0/24", limit));
        assertEquals(
                Duration.ofSeconds(20),
                onB.take("cast-ip:198.51.100.0/24", limit),
                "the fourth request, on the other instance, waits as on one");
        assertEquals(Duration.ZERO, onB.take("cast-ip:203.0.113.0/24", limit), "keys are counted apart");
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ZERO, onA.take("cast-ip:198.51.100.0/24", limit), "refilled for everyone");
        assertTrue(onB.take("cast-ip:198.51.100.0/24", limit).compareTo(Duration.ZERO) > 0);

        onA.clear();
        assertEquals(Duration.ZERO, onB.take("cast-ip:198.51.100.0/24", limit), "cleared for everyone");
    }

    @Test
    void a_bucket_untouched_for_a_period_leaves_the_cluster() throws InterruptedException {
        var clock = new VoteRulesTest.MutableClock(Instant.now());
        var onA = new ClusterLimiter(a, clock);
        // A new cluster may not answer the very first call while it assigns its partitions (the limiter then counts
        // alone, as designed): taken again until the bucket is in the cluster's map.
        long taking = System.currentTimeMillis() + 10_000;
        do {
            onA.take("verify-ip:expiring", new RateLimiter.Limit(5, Duration.ofSeconds(2)));
        } while (!a.getMap(ClusterLimiter.MAP).containsKey("verify-ip:expiring")
                && System.currentTimeMillis() < taking);
        assertTrue(a.getMap(ClusterLimiter.MAP).containsKey("verify-ip:expiring"), "in the cluster's map");
        long until = System.currentTimeMillis() + 10_000;
        while (b.getMap(ClusterLimiter.MAP).containsKey("verify-ip:expiring") && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertTrue(!b.getMap(ClusterLimiter.MAP).containsKey("verify-ip:expiring"), "expired after its period");
    }

    @Test
    void when_the_cluster_is_gone_an_instance_counts_on_its_own() {
        String name = "palmares-test-alone-" + UUID.randomUUID();
        Config config = loopback(name);
        config.getNetworkConfig().setPort(5981);
        config.getNetworkConfig().getJoin().getTcpIpConfig().clear().addMember("127.0.0.1:5981");
        HazelcastInstance lone = Hazelcast.newHazelcastInstance(config);
        var clock = new VoteRulesTest.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var limiter = new ClusterLimiter(lone, clock);
        lone.shutdown();
        var limit = new RateLimiter.Limit(1, Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, limiter.take("k", limit));
        assertEquals(Duration.ofMinutes(1), limiter.take("k", limit), "still limited, on this instance alone");
    }
}
