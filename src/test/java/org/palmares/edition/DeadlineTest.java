package org.palmares.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static Deadline paris(String localDateTime) {
        return new Deadline(LocalDateTime.parse(localDateTime), PARIS);
    }

    @Test
    void deadline_in_the_spring_gap_moves_forward_by_the_gap() {
        // 2019-03-31 02:30 does not exist in Paris: clocks go from 02:00 CET to 03:00 CEST.
        Deadline deadline = paris("2019-03-31T02:30");
        assertEquals(Instant.parse("2019-03-31T01:30:00Z"), deadline.instant());
        assertEquals(paris("2019-03-31T03:30").instant(), deadline.instant());
    }

    @Test
    void deadline_in_the_spring_gap_is_not_passed_one_nanosecond_before_the_shifted_instant() {
        Deadline deadline = paris("2019-03-31T02:30");
        assertFalse(deadline.isPassed(at(Instant.parse("2019-03-31T01:30:00Z").minusNanos(1))));
        assertTrue(deadline.isPassed(at(Instant.parse("2019-03-31T01:30:00Z"))));
    }

    @Test
    void deadline_in_the_autumn_overlap_means_the_later_occurrence() {
        // 2019-10-27 02:30 happens twice in Paris: at 00:30Z (CEST) and again at 01:30Z (CET).
        Deadline deadline = paris("2019-10-27T02:30");
        assertEquals(Instant.parse("2019-10-27T01:30:00Z"), deadline.instant());
    }

    @Test
    void deadline_in_the_autumn_overlap_is_not_passed_at_the_first_occurrence() {
        Deadline deadline = paris("2019-10-27T02:30");
        Clock firstOccurrence = at(Instant.parse("2019-10-27T00:30:00Z"));
        assertFalse(deadline.isPassed(firstOccurrence));
        assertEquals(Duration.ofHours(1), deadline.remaining(firstOccurrence));
    }

    @Test
    void deadline_is_passed_exactly_at_its_instant() {
        Deadline deadline = paris("2019-06-30T23:59");
        assertTrue(deadline.isPassed(at(deadline.instant())));
    }

    @Test
    void deadline_is_not_passed_one_nanosecond_before_its_instant() {
        Deadline deadline = paris("2019-06-30T23:59");
        assertFalse(deadline.isPassed(at(deadline.instant().minusNanos(1))));
    }

    @Test
    void deadline_at_2359_paris_is_passed_one_minute_later() {
        Deadline deadline = paris("2019-06-30T23:59");
        Clock oneMinuteLater = Clock.offset(at(deadline.instant()), Duration.ofMinutes(1));
        assertTrue(deadline.isPassed(oneMinuteLater));
    }

    @Test
    void remaining_is_the_time_left_before_the_deadline() {
        Deadline deadline = paris("2019-06-30T23:59");
        assertEquals(
                Duration.ofNanos(1), deadline.remaining(at(deadline.instant().minusNanos(1))));
        assertEquals(Duration.ofHours(2), deadline.remaining(at(Instant.parse("2019-06-30T19:59:00Z"))));
    }

    @Test
    void remaining_is_zero_at_the_deadline() {
        Deadline deadline = paris("2019-06-30T23:59");
        assertEquals(Duration.ZERO, deadline.remaining(at(deadline.instant())));
    }

    @Test
    void remaining_is_zero_after_the_deadline_not_negative() {
        Deadline deadline = paris("2019-06-30T23:59");
        assertEquals(Duration.ZERO, deadline.remaining(at(deadline.instant().plus(Duration.ofDays(3)))));
    }

    @Test
    void deadline_at_2359_in_winter_is_2259_utc() {
        assertEquals(
                Instant.parse("2019-01-15T22:59:00Z"), paris("2019-01-15T23:59").instant());
    }

    @Test
    void deadline_set_at_2359_in_winter_stays_2359_local_in_summer() {
        // The organiser types 23:59 in January for a date in June: the summer offset applies, not January's.
        Clock january = at(Instant.parse("2019-01-15T10:00:00Z"));
        Deadline deadline = paris("2019-06-30T23:59");
        assertEquals(Instant.parse("2019-06-30T21:59:00Z"), deadline.instant());
        assertEquals(
                LocalDateTime.parse("2019-06-30T23:59"),
                deadline.instant().atZone(PARIS).toLocalDateTime());
        assertFalse(deadline.isPassed(january));
        assertTrue(deadline.isPassed(at(Instant.parse("2019-06-30T22:30:00Z"))));
    }

    @Test
    void deadline_refuses_a_missing_local_time_or_zone() {
        assertThrows(NullPointerException.class, () -> new Deadline(null, PARIS));
        assertThrows(NullPointerException.class, () -> new Deadline(LocalDateTime.parse("2019-06-30T23:59"), null));
    }
}
