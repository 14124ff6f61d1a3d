package org.palmares.platform;

import java.time.Duration;
import java.util.Locale;

/**
 * The one way Palmarès says how long is left before a deadline, with real plurals, in the reader's language: its two
 * largest units ("Il reste 3 jours et 4 heures", "2 hours and 1 minute left"), never "jour(s)".
 */
public final class Countdown {
    private Countdown() {}

    /** "Il reste 3 jours et 4 heures" / "3 days and 4 hours left"; a past deadline or none left: "less than a minute". */
    public static String text(Duration left, Locale locale) {
        return Messages.get(locale, "countdown.left", amount(left, locale));
    }

    /** The amount alone, e.g. "3 jours et 4 heures" (for a sentence of its own). */
    public static String amount(Duration left, Locale locale) {
        Duration d = left == null || left.isNegative() ? Duration.ZERO : left;
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        if (days > 0) {
            return hours == 0
                    ? unit(locale, "days", days)
                    : both(locale, unit(locale, "days", days), unit(locale, "hours", hours));
        }
        if (hours > 0) {
            return minutes == 0
                    ? unit(locale, "hours", hours)
                    : both(locale, unit(locale, "hours", hours), unit(locale, "minutes", minutes));
        }
        if (minutes > 0) return unit(locale, "minutes", minutes);
        return Messages.get(locale, "countdown.lessThanAMinute");
    }

    private static String unit(Locale locale, String unit, long n) {
        return Messages.get(locale, "countdown." + unit, n);
    }

    private static String both(Locale locale, String first, String second) {
        return Messages.get(locale, "countdown.and", first, second);
    }
}
