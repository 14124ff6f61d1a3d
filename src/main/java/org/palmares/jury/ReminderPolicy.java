package org.palmares.jury;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.palmares.edition.Deadline;
import org.palmares.edition.Phase;

/**
 * When the automatic reminder goes out, and to whom: once, from {@code days} days before the scoring deadline
 * (in the edition's time zone) until the deadline, during scoring, to every juror with an unfinished sheet.
 */
public final class ReminderPolicy {
    private ReminderPolicy() {}

    /** The day the reminder is due: the deadline's date minus the setting's days. */
    public static LocalDate dueOn(LocalDateTime scoringDeadline, int days) {
        return scoringDeadline.toLocalDate().minusDays(days);
    }

    /**
     * The key under which the reminder of this edition and deadline is claimed, when it is time to send it; empty
     * when it is not. The key names the due day, so a moved deadline gives a new reminder, never a second one for
     * the same day.
     */
    public static Optional<String> due(
            String editionCode, Phase phase, LocalDateTime scoringDeadline, ZoneId zone, int days, Clock clock) {
        if (phase != Phase.SCORING || scoringDeadline == null) return Optional.empty();
        Deadline deadline = new Deadline(scoringDeadline, zone);
        if (deadline.isPassed(clock)) return Optional.empty();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate dueOn = dueOn(scoringDeadline, days);
        if (today.isBefore(dueOn)) return Optional.empty();
        return Optional.of("reminder:" + editionCode + ":" + dueOn);
    }

    /** The jurors who still have a sheet to submit. */
    public static List<JurorProgress> unfinished(List<JurorProgress> jurors) {
        return jurors.stream().filter(JurorProgress::unfinished).toList();
    }
}
