package org.palmares.scoring;

import java.time.Clock;
import java.util.Optional;
import org.palmares.edition.Deadline;
import org.palmares.platform.DomainException;

/**
 * When a juror may still change a sheet: until the edition's scoring deadline (a wall-clock time of the edition's
 * zone), and not while the organiser has frozen scoring in the sheet's category. No deadline set means open.
 */
public record ScoringWindow(Optional<Deadline> deadline, boolean frozen) {
    public ScoringWindow {
        java.util.Objects.requireNonNull(deadline, "deadline");
    }

    public boolean isOpen(Clock clock) {
        return !frozen && deadline.map(d -> !d.isPassed(clock)).orElse(true);
    }

    /** Refuses a change (409) with the reason: the deadline passed, or scoring is frozen for the category. */
    public void requireOpen(Clock clock) {
        if (frozen) throw DomainException.conflict("sheet.frozen");
        if (deadline.map(d -> d.isPassed(clock)).orElse(false)) throw DomainException.conflict("sheet.closed");
    }
}
