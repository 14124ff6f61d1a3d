package org.palmares.edition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A deadline as organisers state it: a wall-clock time in the edition's time zone. It is turned into an
 * instant only when compared with the clock, so a deadline set in winter stays at the same wall-clock time
 * after the change to summer time. A wall-clock time that does not exist (the spring gap) moves forward by
 * the gap; one that exists twice (the autumn overlap) means its later occurrence, the generous reading.
 */
public record Deadline(LocalDateTime local, ZoneId zone) {
    public Deadline {
        java.util.Objects.requireNonNull(local, "local");
        java.util.Objects.requireNonNull(zone, "zone");
    }

    public Instant instant() {
        return local.atZone(zone).withLaterOffsetAtOverlap().toInstant();
    }

    public boolean isPassed(Clock clock) {
        return !clock.instant().isBefore(instant());
    }

    /** Time left before the deadline; zero once passed. */
    public Duration remaining(Clock clock) {
        Duration left = Duration.between(clock.instant(), instant());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
