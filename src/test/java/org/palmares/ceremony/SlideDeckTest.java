package org.palmares.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlideDeckTest {
    private static SlideNominee n(long id, String title) {
        return new SlideNominee(id, "TC2019-SOC-00" + id, title, "Territoire " + id, null);
    }

    private static final List<SlideNominee> RANKING =
            List.of(n(1, "Atelier vélo"), n(2, "Jardins partagés"), n(3, "Repair café"), n(4, "Chantier école"));

    private static SlideDeck.Act signed(long id, List<SlideNominee> winners, List<SlideNominee> mentions) {
        return new SlideDeck.Act(id, "SOC", "Insertion sociale", "Jeanne", "Texte", true, RANKING, winners, mentions);
    }

    private static SlideDeck.Act unsigned(long id) {
        // The decision exists but is not signed off: its winner must never reach a slide.
        return new SlideDeck.Act(id, "MIX", "Mixité", null, null, false, RANKING, List.of(n(4, "SECRET")), List.of());
    }

    @Test
    void a_signed_off_category_gets_category_nominees_suspense_and_winner_slides_between_title_and_end() {
        SlideDeck deck = SlideDeck.build(List.of(signed(10, List.of(n(1, "Atelier vélo")), List.of())), 3);
        assertEquals(
                List.of(
                        SlideKind.TITLE,
                        SlideKind.CATEGORY,
                        SlideKind.NOMINEES,
                        SlideKind.SUSPENSE,
                        SlideKind.WINNER,
                        SlideKind.END),
                deck.slides().stream().map(Slide::kind).toList());
        Slide winner = deck.get(4);
        assertEquals("Atelier vélo", winner.winners().get(0).title());
        assertEquals("Territoire 1", winner.winners().get(0).territory());
        assertEquals(3, deck.get(2).nominees().size());
    }

    @Test
    void a_prize_the_jury_did_not_award_shows_its_category_then_says_so_without_nominees() {
        SlideDeck deck = SlideDeck.build(List.of(signed(30, List.of(), List.of())), 3);
        assertEquals(
                List.of(SlideKind.TITLE, SlideKind.CATEGORY, SlideKind.NOT_AWARDED, SlideKind.END),
                deck.slides().stream().map(Slide::kind).toList());
        assertTrue(deck.get(2).nominees().isEmpty());
        assertEquals(
                "Le jury a décidé de ne pas décerner le prix Insertion sociale cette année.",
                AnnouncerScript.line(deck.get(2), 2, "Trophées", Locale.FRENCH).say());
    }

    @Test
    void a_category_not_signed_off_yields_one_slide_that_never_names_its_winner() {
        SlideDeck deck =
                SlideDeck.build(List.of(unsigned(20), signed(10, List.of(n(1, "Atelier vélo")), List.of())), 3);
        assertEquals(SlideKind.NOT_SIGNED_OFF, deck.get(1).kind());
        assertEquals(SlideKind.CATEGORY, deck.get(2).kind());
        assertEquals(7, deck.size());
        for (Slide s : deck.slides()) {
            assertFalse(s.toString().contains("SECRET"), "winner of an unsigned decision on " + s.kind());
            if (s.categoryId() != null && s.categoryId() == 20) {
                assertTrue(s.winners().isEmpty()
                        && s.nominees().isEmpty()
                        && s.mentions().isEmpty());
            }
        }
        String script =
                AnnouncerScript.lines(deck, "Trophées 2019", Locale.ENGLISH).toString();
        assertFalse(script.contains("SECRET"), script);
    }

    @Test
    void the_shortlist_is_the_head_of_the_ranking_or_all_finalists() {
        assertEquals(
                2,
                SlideDeck.shortlist(signed(1, List.of(n(1, "a")), List.of()), 2).size());
        assertEquals(
                4,
                SlideDeck.shortlist(signed(1, List.of(n(1, "a")), List.of()), 0).size());
        assertEquals(
                4,
                SlideDeck.shortlist(signed(1, List.of(n(1, "a")), List.of()), 10)
                        .size());
    }

    @Test
    void a_winner_chosen_below_the_shortlist_is_still_among_the_nominees_shown() {
        List<SlideNominee> list = SlideDeck.shortlist(signed(1, List.of(n(4, "Chantier école")), List.of()), 2);
        assertEquals(List.of(1L, 2L, 4L), list.stream().map(SlideNominee::id).toList());
    }

    @Test
    void an_empty_run_of_show_still_has_a_title_and_an_end() {
        SlideDeck deck = SlideDeck.build(List.of(), 3);
        assertEquals(2, deck.size());
        assertEquals(SlideKind.END, deck.get(99).kind(), "an index past the end shows the last slide");
    }

    @Test
    void the_script_names_the_announcer_and_the_winner_as_written_with_mentions() {
        SlideDeck deck = SlideDeck.build(
                List.of(signed(10, List.of(n(1, "L'Atelier Vélo « Roue libre »")), List.of(n(2, "Jardins partagés")))),
                3);
        List<AnnouncerScript.Line> lines = AnnouncerScript.lines(deck, "Trophées 2019", Locale.FRENCH);
        assertEquals("Maître de cérémonie", lines.get(0).speaker());
        assertEquals("Jeanne", lines.get(1).speaker());
        assertEquals("Texte", lines.get(1).say(), "the category's own script is said");
        AnnouncerScript.Line winner = lines.get(4);
        assertEquals("L'Atelier Vélo « Roue libre » (Territoire 1)", winner.asWritten());
        assertTrue(winner.say().contains("Jardins partagés"), winner.say());
        assertTrue(lines.get(2).say().contains("Repair café"), lines.get(2).say());
    }

    @Test
    void the_printed_script_is_a_pdf() {
        SlideDeck deck = SlideDeck.build(List.of(signed(10, List.of(n(1, "Atelier vélo")), List.of()), unsigned(2)), 0);
        byte[] pdf = AnnouncerScript.pdf(
                AnnouncerScript.lines(deck, "Trophées 2019", Locale.ENGLISH), "Trophées 2019", Locale.ENGLISH);
        assertTrue(pdf.length > 1000);
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
