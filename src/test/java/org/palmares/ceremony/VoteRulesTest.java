package org.palmares.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoteRulesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void a_code_has_six_digits_and_codes_differ() {
        var random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = VerificationCode.newCode(random);
            assertTrue(code.matches("\\d{6}"), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 190, "codes are random");
        assertTrue(VerificationCode.newToken(random).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void a_typed_code_forgives_spaces_and_dashes_but_nothing_else() {
        assertEquals("123456", VerificationCode.clean(" 123 456 "));
        assertEquals("123456", VerificationCode.clean("123-456"));
        assertEquals("", VerificationCode.clean("12345"));
        assertEquals("", VerificationCode.clean("12345a"));
        assertEquals("", VerificationCode.clean(null));
    }

    @Test
    void hashes_are_compared_exactly() {
        assertTrue(VerificationCode.sameHash("abc", "abc"));
        assertFalse(VerificationCode.sameHash("abc", "abd"));
        assertFalse(VerificationCode.sameHash("abc", null));
    }

    @Test
    void the_window_is_open_from_its_opening_included_to_its_closing_excluded_in_the_editions_zone() {
        var window = new VotingWindow(LocalDateTime.of(2019, 10, 1, 9, 0), LocalDateTime.of(2019, 11, 7, 12, 0), PARIS);
        // 9:00 in Paris in October is 7:00 UTC (summer time).
        assertEquals(VotingWindow.State.NOT_YET_OPEN, window.state(Instant.parse("2019-10-01T06:59:59Z")));
        assertEquals(VotingWindow.State.OPEN, window.state(Instant.parse("2019-10-01T07:00:00Z")));
        // 12:00 in Paris in November is 11:00 UTC (winter time).
        assertEquals(VotingWindow.State.OPEN, window.state(Instant.parse("2019-11-07T10:59:59Z")));
        assertEquals(VotingWindow.State.CLOSED, window.state(Instant.parse("2019-11-07T11:00:00Z")));
    }

    @Test
    void a_window_not_set_is_closed_and_one_closing_before_it_opens_is_refused() {
        assertFalse(new VotingWindow(null, null, PARIS).isOpen(Instant.now()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new VotingWindow(
                        LocalDateTime.of(2019, 11, 7, 12, 0), LocalDateTime.of(2019, 11, 7, 12, 0), PARIS));
    }

    @Test
    void a_code_sent_just_before_the_close_may_be_verified_for_fifteen_minutes_and_no_longer() {
        var window = new VotingWindow(LocalDateTime.of(2019, 11, 1, 0, 0), LocalDateTime.of(2019, 11, 7, 12, 0), PARIS);
        Instant cast = Instant.parse("2019-11-07T10:59:00Z");
        assertTrue(window.acceptsVerification(cast, cast.plus(Duration.ofMinutes(15))));
        assertFalse(window.acceptsVerification(
                cast, cast.plus(Duration.ofMinutes(15)).plusSeconds(1)));
        assertFalse(window.acceptsVerification(
                Instant.parse("2019-11-07T11:00:00Z"), Instant.parse("2019-11-07T11:01:00Z")));
    }

    @Test
    void disposable_domains_and_their_sub_domains_are_recognised() {
        var list = DisposableDomains.shipped(List.of("Throwaway.example"));
        assertTrue(list.contains("yopmail.com"));
        assertTrue(list.contains("eu.mailinator.com"));
        assertTrue(list.contains("throwaway.example"));
        assertFalse(list.contains("orange.fr"));
        assertFalse(list.contains("notyopmail.com"));
    }

    @Test
    void ip_prefixes_keep_the_network_not_the_address() {
        assertEquals("192.168.12.0/24", IpPrefix.of("192.168.12.34"));
        assertEquals("2001:db8:abcd::/48", IpPrefix.of("2001:db8:abcd:12::1"));
        assertEquals("0:0:0::/48", IpPrefix.of("::1"));
        assertEquals("unknown", IpPrefix.of("example.org"));
        assertEquals("unknown", IpPrefix.of(null));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} is no address to resolve")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"999.999.999.999", "1.2.3", "01.2.3.4", "1.2.3.4.5", "x%:", "localhost%:1", "zz::1", "%zz", "1e3"
            })
    void a_client_address_that_is_no_ip_literal_is_unknown_and_never_looked_up(String forwarded) {
        assertEquals("unknown", IpPrefix.of(forwarded));
    }

    @Test
    void a_token_bucket_lets_a_burst_through_then_says_how_long_to_wait() {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var limiter = new TokenBucketLimiter(clock);
        var limit = new RateLimiter.Limit(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) assertEquals(Duration.ZERO, limiter.take("ip", limit));
        Duration wait = limiter.take("ip", limit);
        assertEquals(Duration.ofSeconds(20), wait);
        assertEquals(Duration.ZERO, limiter.take("other", limit), "keys are counted apart");
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ZERO, limiter.take("ip", limit));
        assertTrue(limiter.take("ip", limit).compareTo(Duration.ZERO) > 0);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

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
    }
}
