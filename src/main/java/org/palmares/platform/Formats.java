package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as views show them, in a given zone and the visitor's language. */
@Named("fmt")
@ApplicationScoped
public class Formats {
    /**
     * A wall-clock date and time as organisers set it, in full: "dimanche 15 novembre 2026 à 09:00", in English
     * "Sunday 15 November 2026 at 09:00" (British order and a 24-hour clock, as for a French ceremony).
     */
    public String fullDateTime(java.time.LocalDateTime at, Locale locale) {
        if (at == null) return "";
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(formatting(locale))
                .format(at);
    }

    /** A date in full, without the time: "mercredi 6 janvier 2027", "Wednesday 6 January 2027". */
    public String fullDate(java.time.LocalDateTime at, Locale locale) {
        if (at == null) return "";
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(formatting(locale))
                .format(at);
    }

    /** An instant as a short date and time of the zone, e.g. "25/11/2026 14:32". */
    public String dateTime(Instant instant, String zone, Locale locale) {
        if (instant == null) return "";
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(formatting(locale))
                .withZone(ZoneId.of(zone == null ? "Europe/Paris" : zone))
                .format(instant);
    }

    /** The locale dates are written in: French, or British English (day month year, 24 hours) for English. */
    public static Locale formatting(Locale locale) {
        Locale supported = Messages.supported(locale);
        return supported.getLanguage().equals("en") ? Locale.UK : supported;
    }
}
