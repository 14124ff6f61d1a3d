package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountdownTest {
    private static String fr(Duration d) {
        return Countdown.text(d, Locale.FRENCH);
    }

    private static String en(Duration d) {
        return Countdown.text(d, Locale.ENGLISH);
    }

    @Test
    void the_two_largest_units_are_said_with_real_plurals_in_french() {
        assertEquals(
                "Il reste 3 jours et 4 heures",
                fr(Duration.ofDays(3).plusHours(4).plusMinutes(12)));
        assertEquals("Il reste 1 jour et 1 heure", fr(Duration.ofDays(1).plusHours(1)));
        assertEquals("Il reste 2 jours", fr(Duration.ofDays(2).plusMinutes(59)));
        assertEquals("Il reste 5 heures et 1 minute", fr(Duration.ofHours(5).plusMinutes(1)));
        assertEquals("Il reste 1 heure", fr(Duration.ofHours(1)));
        assertEquals("Il reste 45 minutes", fr(Duration.ofMinutes(45)));
        assertEquals("Il reste moins d’une minute", fr(Duration.ofSeconds(20)));
    }

    @Test
    void english_says_the_same_with_its_own_plurals() {
        assertEquals("3 days and 4 hours left", en(Duration.ofDays(3).plusHours(4)));
        assertEquals("1 day left", en(Duration.ofDays(1)));
        assertEquals("1 hour and 2 minutes left", en(Duration.ofHours(1).plusMinutes(2)));
        assertEquals("less than a minute left", en(Duration.ZERO));
    }

    @Test
    void a_passed_deadline_counts_as_nothing_left() {
        assertEquals("less than a minute left", en(Duration.ofHours(-3)));
        assertEquals("Il reste moins d’une minute", fr(null));
    }
}
