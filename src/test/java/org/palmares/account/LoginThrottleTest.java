package org.palmares.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {
    private static final Instant START = Instant.parse("2019-03-01T09:00:00Z");
    private static final String MARIE = "marie.dupont@example.org";
    private static final String PAUL = "paul.martin@example.org";

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final MutableClock clock = new MutableClock(START);
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private Instant fail(String key, int times) {
        Instant blockedUntil = null;
        for (int i = 0; i < times; i++) blockedUntil = throttle.failed(key);
        return blockedUntil;
    }

    @Test
    void an_unknown_key_need_not_wait() {
        assertEquals(Duration.ZERO, throttle.waitFor(MARIE));
    }

    @Test
    void four_failures_in_a_row_need_no_wait() {
        for (int i = 1; i <= 4; i++) {
            assertNull(throttle.failed(MARIE), "failure " + i);
        }
        assertEquals(Duration.ZERO, throttle.waitFor(MARIE));
    }

    @Test
    void the_fifth_failure_makes_the_key_wait_one_minute() {
        fail(MARIE, 4);
        assertEquals(START.plus(Duration.ofMinutes(1)), throttle.failed(MARIE));
        assertEquals(Duration.ofMinutes(1), throttle.waitFor(MARIE));
    }

    @ParameterizedTest(name = "{0} failures wait {1} minutes")
    @CsvSource({"5, 1", "6, 2", "7, 4", "8, 8", "9, 15", "10, 15", "30, 15"})
    void each_further_failure_doubles_the_wait_up_to_fifteen_minutes(int failures, long minutes) {
        assertEquals(START.plus(Duration.ofMinutes(minutes)), fail(MARIE, failures));
        assertEquals(Duration.ofMinutes(minutes), throttle.waitFor(MARIE));
    }

    @Test
    void the_wait_ends_when_its_time_has_passed() {
        fail(MARIE, 5);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(1), throttle.waitFor(MARIE));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, throttle.waitFor(MARIE));
        clock.advance(Duration.ofHours(1));
        assertEquals(Duration.ZERO, throttle.waitFor(MARIE));
    }

    @Test
    void a_failure_after_the_wait_counts_on_from_the_previous_failures() {
        fail(MARIE, 5);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), throttle.failed(MARIE));
    }

    @Test
    void a_success_clears_the_failures_and_the_wait() {
        fail(MARIE, 6);
        throttle.succeeded(MARIE);
        assertEquals(Duration.ZERO, throttle.waitFor(MARIE));
        assertNull(fail(MARIE, 4));
        assertEquals(START.plus(Duration.ofMinutes(1)), throttle.failed(MARIE));
    }

    @Test
    void keys_are_throttled_independently() {
        fail(MARIE, 7);
        assertEquals(Duration.ZERO, throttle.waitFor(PAUL));
        assertNull(throttle.failed(PAUL));
        throttle.succeeded(PAUL);
        assertEquals(Duration.ofMinutes(4), throttle.waitFor(MARIE));
    }

    @Test
    void blocked_until_is_null_below_the_failure_limit() {
        assertNull(LoginThrottle.blockedUntil(LoginThrottle.MAX_FAILURES - 1, START));
        assertEquals(START.plus(Duration.ofMinutes(1)), LoginThrottle.blockedUntil(LoginThrottle.MAX_FAILURES, START));
    }

    @Test
    void blocked_until_never_exceeds_fifteen_minutes_even_for_huge_counts() {
        assertEquals(START.plus(Duration.ofMinutes(15)), LoginThrottle.blockedUntil(Integer.MAX_VALUE, START));
    }
}
