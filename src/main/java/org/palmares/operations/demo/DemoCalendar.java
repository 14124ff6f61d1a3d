package org.palmares.operations.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.palmares.edition.Phase;

/**
 * The dates of a demo edition, so that each says the same as its phase: an edition taking nominations closes them in
 * three weeks, one in scoring closed them a fortnight ago and scores for two more weeks, one in deliberation holds its
 * ceremony next week. The 2019 archive keeps the real dates of that year's national day. Pure: tested alone.
 */
public record DemoCalendar(
        int year,
        LocalDateTime nominationsOpenAt,
        LocalDateTime nominationDeadline,
        LocalDateTime scoringDeadline,
        LocalDateTime ceremonyAt,
        LocalDateTime voteOpensAt,
        LocalDateTime voteClosesAt) {
    private static final LocalTime EVENING = LocalTime.of(23, 59);
    private static final LocalTime CEREMONY = LocalTime.of(16, 15);

    /** The phases a demo edition can be loaded in. */
    public static boolean loadable(Phase phase) {
        return phase.isAtLeast(Phase.NOMINATIONS_OPEN) && phase != Phase.ARCHIVED;
    }

    /**
     * The live demo edition's dates on {@code today} (in its time zone) for its phase. Its year is this year's, whatever
     * the phase, so that one day's demo editions are named alike.
     */
    public static DemoCalendar live(LocalDate today, Phase phase) {
        // Days from today: the call's opening, its deadline, the scoring deadline, the ceremony.
        int[] days = switch (phase) {
            case NOMINATIONS_OPEN -> new int[] {-10, 21, 45, 60};
            case SCREENING -> new int[] {-30, -2, 30, 45};
            case SCORING -> new int[] {-45, -15, 14, 30};
            case DELIBERATION -> new int[] {-70, -40, -2, 7};
            case CEREMONY -> new int[] {-80, -50, -12, 0};
            case PUBLISHED -> new int[] {-90, -60, -22, -3};
            default -> throw new IllegalArgumentException("No demo edition is loaded in " + phase);
        };
        LocalDate ceremony = today.plusDays(days[3]);
        return new DemoCalendar(
                today.getYear(),
                today.plusDays(days[0]).atTime(9, 0),
                today.plusDays(days[1]).atTime(EVENING),
                today.plusDays(days[2]).atTime(EVENING),
                ceremony.atTime(CEREMONY),
                // The public vote opens the day after the call and closes at noon on the day of the ceremony.
                today.plusDays(days[0] + 1).atStartOfDay(),
                ceremony.atTime(12, 0));
    }

    /** The 2019 edition, as it was: the national day of Thursday 7 November 2019 in Montreuil. */
    public static DemoCalendar of2019() {
        return new DemoCalendar(
                2019,
                LocalDateTime.of(2019, 5, 6, 9, 0),
                LocalDateTime.of(2019, 9, 13, 23, 59),
                LocalDateTime.of(2019, 10, 18, 23, 59),
                LocalDateTime.of(2019, 11, 7, 16, 15),
                LocalDateTime.of(2019, 9, 16, 0, 0),
                LocalDateTime.of(2019, 11, 7, 12, 0));
    }

    /** The edition's code: the programme's initials and the year (TC2026). */
    public String code() {
        return "TC" + year;
    }
}
