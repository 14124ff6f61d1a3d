package org.palmares.ceremony;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * When the public may vote in a category: from {@code opensAt} (included) to {@code closesAt} (excluded), both in the
 * edition's time zone. A window not set yet is closed.
 */
public record VotingWindow(LocalDateTime opensAt, LocalDateTime closesAt, ZoneId zone) {
    public enum State {
        NOT_SET,
        NOT_YET_OPEN,
        OPEN,
        CLOSED
    }

    public VotingWindow {
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("the window closes before it opens");
        }
    }

    public State state(Instant now) {
        if (opensAt == null || closesAt == null) return State.NOT_SET;
        if (now.isBefore(opensAt.atZone(zone).toInstant())) return State.NOT_YET_OPEN;
        if (!now.isBefore(closesAt.atZone(zone).toInstant())) return State.CLOSED;
        return State.OPEN;
    }

    public boolean isOpen(Instant now) {
        return state(now) == State.OPEN;
    }

    /** Whether a ballot cast at {@code castAt} may still be verified at {@code now}: a code sent just before the close
     * stays good for its fifteen minutes, as the voter did act in time. */
    public boolean acceptsVerification(Instant castAt, Instant now) {
        return state(castAt) == State.OPEN && !now.isAfter(castAt.plus(VerificationCode.VALIDITY));
    }
}
