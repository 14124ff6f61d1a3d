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
    /** A wall-clock date and time as organisers set it, in full: "dimanche 15 novembre 2026 à 09:00". */
    public String fullDateTime(java.time.LocalDateTime at, Locale locale) {
        if (at == null) return "";
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(Messages.supported(locale))
                .format(at);
    }

    /** An instant as a short date and time of the zone, e.g. "25/11/2026 14:32". */
    public String dateTime(Instant instant, String zone, Locale locale) {
        if (instant == null) return "";
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(Messages.supported(locale))
                .withZone(ZoneId.of(zone == null ? "Europe/Paris" : zone))
                .format(instant);
    }
}
