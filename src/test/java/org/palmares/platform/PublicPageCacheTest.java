package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublicPageCacheTest {
    private final AtomicInteger computed = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-26T20:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void empty() {
        PublicPageCache.clear();
    }

    private String answer(String key, int seconds) {
        return PublicPageCache.remember(key, seconds, clock, () -> "answer " + computed.incrementAndGet());
    }

    @Test
    void an_answer_is_computed_once_while_it_is_kept() {
        assertEquals("answer 1", answer("palmares#TC2019#fr", 30));
        now = now.plus(Duration.ofSeconds(29));
        assertEquals("answer 1", answer("palmares#TC2019#fr", 30));
        assertEquals(1, computed.get());
    }

    @Test
    void an_answer_is_computed_again_once_expired() {
        answer("palmares#TC2019#fr", 30);
        now = now.plus(Duration.ofSeconds(30));
        assertEquals("answer 2", answer("palmares#TC2019#fr", 30));
    }

    @Test
    void a_publication_change_drops_every_kept_answer() {
        answer("palmares#TC2019#fr", 30);
        answer("palmares#TC2019#en", 30);
        PublicPageCache.clear();
        assertEquals("answer 3", answer("palmares#TC2019#fr", 30));
        assertEquals("answer 4", answer("palmares#TC2019#en", 30));
    }

    @Test
    void each_key_keeps_its_own_answer() {
        assertEquals("answer 1", answer("palmares#TC2019#fr", 30));
        assertEquals("answer 2", answer("palmares#TC2019#en", 30));
        assertEquals("answer 1", answer("palmares#TC2019#fr", 30));
    }

    @Test
    void nothing_is_kept_when_caching_is_off() {
        answer("palmares#TC2019#fr", 0);
        assertEquals("answer 2", answer("palmares#TC2019#fr", 0));
    }
}
