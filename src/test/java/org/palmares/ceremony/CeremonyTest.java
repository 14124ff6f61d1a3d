package org.palmares.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.palmares.platform.DomainException;

class CeremonyTest {
    private static final Instant AT = Instant.parse("2019-12-05T19:30:00Z");

    @Test
    void next_moves_one_slide_and_stops_on_the_last() {
        Ceremony c = new Ceremony(null);
        assertTrue(c.next(3, AT));
        assertTrue(c.next(3, AT));
        assertEquals(2, c.getSlideIndex());
        assertFalse(c.next(3, AT), "no slide after the last");
        assertEquals(2, c.getSlideIndex());
        assertEquals(AT, c.getChangedAt());
    }

    @Test
    void back_stops_on_the_title_slide() {
        Ceremony c = new Ceremony(null);
        assertFalse(c.back(5, AT));
        assertEquals(0, c.getSlideIndex());
        c.next(5, AT);
        assertTrue(c.back(5, AT));
        assertEquals(0, c.getSlideIndex());
    }

    @Test
    void black_screen_toggles_without_moving_and_the_next_move_lifts_it() {
        Ceremony c = new Ceremony(null);
        c.next(5, AT);
        c.toggleBlack(AT);
        assertTrue(c.isBlackScreen());
        assertEquals(1, c.getSlideIndex());
        c.toggleBlack(AT);
        assertFalse(c.isBlackScreen());
        c.toggleBlack(AT);
        c.next(5, AT);
        assertFalse(c.isBlackScreen());
        assertEquals(2, c.getSlideIndex());
    }

    @Test
    void a_deck_that_shrank_shows_its_last_slide_and_back_moves_from_there() {
        Ceremony c = new Ceremony(null);
        for (int i = 0; i < 8; i++) c.next(10, AT);
        assertEquals(8, c.getSlideIndex());
        assertEquals(3, c.shownIn(4));
        c.back(4, AT);
        assertEquals(2, c.getSlideIndex());
    }

    @Test
    void restart_goes_back_to_the_title_and_lights_the_screen() {
        Ceremony c = new Ceremony(null);
        c.next(5, AT);
        c.toggleBlack(AT);
        c.restart(AT);
        assertEquals(0, c.getSlideIndex());
        assertFalse(c.isBlackScreen());
    }

    @Test
    void colours_must_be_hexadecimal_and_the_shortlist_in_range() {
        Ceremony c = new Ceremony(null);
        c.configure(0, " #AABBCC ", "#000000");
        assertEquals("#aabbcc", c.getPrimaryColour());
        assertEquals(0, c.getShortlistSize());
        assertThrows(DomainException.class, () -> c.configure(3, "red", "#000000"));
        assertThrows(DomainException.class, () -> c.configure(3, "#000000", "#00000"));
        assertThrows(DomainException.class, () -> c.configure(3, "#000000", "#000000;x"));
        assertThrows(DomainException.class, () -> c.configure(-1, "#000000", "#000000"));
        assertThrows(DomainException.class, () -> c.configure(Ceremony.MAX_SHORTLIST + 1, "#000000", "#000000"));
        assertEquals("#aabbcc", c.getPrimaryColour(), "a refused change changes nothing");
    }

    @Test
    void a_category_is_revealed_once_and_keeps_its_first_time() {
        RunOfShowItem item = new RunOfShowItem(null, null, 1);
        assertFalse(item.isRevealed());
        item.reveal(AT);
        item.reveal(AT.plusSeconds(60));
        assertEquals(AT, item.getRevealedAt());
    }

    @Test
    void announcer_and_script_are_trimmed_and_limited() {
        RunOfShowItem item = new RunOfShowItem(null, null, 1);
        item.describe("  Jeanne Martin ", "  ");
        assertEquals("Jeanne Martin", item.getAnnouncer());
        assertEquals(null, item.getNotes());
        assertThrows(DomainException.class, () -> item.describe("x".repeat(201), null));
        assertThrows(DomainException.class, () -> item.describe(null, "x".repeat(4001)));
    }
}
