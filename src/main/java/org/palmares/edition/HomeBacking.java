package org.palmares.edition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The public home page: what the prizes are, the calendar, how to take part. Only published facts. */
@Named
@RequestScoped
public class HomeBacking {
    @Inject
    EditionService editions;

    @Inject
    Clock clock;

    private Optional<Edition> edition;

    public Edition getEdition() {
        return current().orElse(null);
    }

    public boolean isOpen() {
        return current().map(e -> e.acceptsNominations(clock)).orElse(false);
    }

    /** While nominations are open: how long is left before the deadline ("Il reste 3 jours et 4 heures"), else "". */
    public String timeLeft(java.util.Locale locale) {
        if (!isOpen()) return "";
        return current()
                .flatMap(Edition::nominationDeadline)
                .map(d -> org.palmares.platform.Countdown.text(d.remaining(clock), locale))
                .orElse("");
    }

    /** The dates of the edition that are set, in order, as wall-clock times of its zone. */
    public List<CalendarEntry> getCalendar() {
        List<CalendarEntry> entries = new ArrayList<>();
        current().ifPresent(e -> {
            add(entries, "home.calendar.open", e, e.getNominationsOpenAt());
            add(entries, "home.calendar.nominationDeadline", e, e.getNominationDeadline());
            add(entries, "home.calendar.scoringDeadline", e, e.getScoringDeadline());
            add(entries, "home.calendar.ceremony", e, e.getCeremonyAt());
        });
        return entries;
    }

    private static void add(List<CalendarEntry> entries, String key, Edition e, java.time.LocalDateTime at) {
        if (at != null) entries.add(new CalendarEntry(key, at));
    }

    private Optional<Edition> current() {
        if (edition == null) edition = editions.findCurrent();
        return edition;
    }

    /** One date of the calendar: what happens (a message key) and when, as a wall-clock time of the edition. */
    public record CalendarEntry(String key, LocalDateTime at) {
        public String getKey() {
            return key;
        }

        public LocalDateTime getAt() {
            return at;
        }
    }
}
