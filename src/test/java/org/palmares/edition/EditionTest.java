package org.palmares.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EditionTest {
    private static final Clock MAY = Clock.fixed(Instant.parse("2019-05-15T10:00:00Z"), ZoneOffset.UTC);
    /** 2019-06-30 23:59 in Paris (summer time). */
    private static final Instant DEADLINE_INSTANT = Instant.parse("2019-06-30T21:59:00Z");

    private static Edition edition() {
        var edition =
                new Edition("TC2019", 2019, "Trophées de la Clause 2019", "Clause Awards 2019", "Europe/Paris", MAY);
        edition.setNominationDeadline(LocalDateTime.parse("2019-06-30T23:59"));
        return edition;
    }

    private static Edition editionIn(Phase phase) {
        Edition edition = edition();
        while (edition.getPhase() != phase) edition.advance();
        return edition;
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void a_new_edition_starts_in_setup_and_records_its_creation_time() {
        Edition edition = edition();
        assertEquals(Phase.SETUP, edition.getPhase());
        assertEquals(MAY.instant(), edition.getCreatedAt());
    }

    @Test
    void advance_moves_to_the_next_phase_and_returns_it() {
        Edition edition = edition();
        assertEquals(Phase.NOMINATIONS_OPEN, edition.advance());
        assertEquals(Phase.NOMINATIONS_OPEN, edition.getPhase());
        assertEquals(Phase.SCREENING, edition.advance());
    }

    @Test
    void advance_from_archived_is_refused_and_the_edition_stays_archived() {
        Edition edition = editionIn(Phase.ARCHIVED);
        assertThrows(IllegalStateException.class, edition::advance);
        assertEquals(Phase.ARCHIVED, edition.getPhase());
    }

    @Test
    void nominations_are_accepted_while_open_and_before_the_deadline() {
        assertTrue(editionIn(Phase.NOMINATIONS_OPEN).acceptsNominations(MAY));
    }

    @Test
    void nominations_are_accepted_one_nanosecond_before_the_deadline() {
        assertTrue(editionIn(Phase.NOMINATIONS_OPEN).acceptsNominations(at(DEADLINE_INSTANT.minusNanos(1))));
    }

    @Test
    void nominations_are_refused_exactly_at_the_deadline() {
        assertFalse(editionIn(Phase.NOMINATIONS_OPEN).acceptsNominations(at(DEADLINE_INSTANT)));
    }

    @Test
    void nominations_are_refused_after_the_deadline_even_while_the_phase_is_still_open() {
        Clock july = Clock.offset(at(DEADLINE_INSTANT), java.time.Duration.ofDays(1));
        assertFalse(editionIn(Phase.NOMINATIONS_OPEN).acceptsNominations(july));
    }

    @Test
    void nominations_are_refused_when_open_without_a_deadline() {
        Edition edition = editionIn(Phase.NOMINATIONS_OPEN);
        edition.setNominationDeadline(null);
        assertFalse(edition.acceptsNominations(MAY));
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, mode = EnumSource.Mode.EXCLUDE, names = "NOMINATIONS_OPEN")
    void nominations_are_refused_outside_the_nominations_phase_even_before_the_deadline(Phase phase) {
        assertFalse(editionIn(phase).acceptsNominations(MAY));
    }

    @Test
    void the_nomination_deadline_is_read_in_the_editions_time_zone() {
        Optional<Deadline> deadline = edition().nominationDeadline();
        assertTrue(deadline.isPresent());
        assertEquals(DEADLINE_INSTANT, deadline.get().instant());
    }

    @Test
    void an_edition_without_a_scoring_deadline_has_none() {
        assertEquals(Optional.empty(), edition().scoringDeadline());
    }

    @Test
    void removing_a_category_renumbers_the_others() {
        Edition edition = edition();
        Category soc = edition.addCategory("SOC", "Social", "Social");
        Category env = edition.addCategory("ENV", "Environnement", "Environment");
        Category inn = edition.addCategory("INN", "Innovation", "Innovation");
        edition.removeCategory(soc);
        assertEquals(java.util.List.of(env, inn), edition.getCategories());
        assertEquals(0, env.getPosition());
        assertEquals(1, inn.getPosition());
    }

    @Test
    void dates_in_the_order_of_the_edition_are_accepted_even_with_gaps() {
        Edition edition = edition();
        edition.setNominationsOpenAt(LocalDateTime.parse("2019-05-01T09:00"));
        edition.setCeremonyAt(LocalDateTime.parse("2019-11-07T16:15"));
        assertTrue(edition.isDeadlinesInOrder());
    }

    @Test
    void a_scoring_deadline_before_the_nomination_deadline_is_refused() {
        Edition edition = edition();
        edition.setScoringDeadline(LocalDateTime.parse("2019-06-01T23:59"));
        assertFalse(edition.isDeadlinesInOrder());
    }

    @Test
    void a_ceremony_at_the_same_time_as_the_scoring_deadline_is_refused() {
        Edition edition = edition();
        edition.setScoringDeadline(LocalDateTime.parse("2019-09-30T23:59"));
        edition.setCeremonyAt(LocalDateTime.parse("2019-09-30T23:59"));
        assertFalse(edition.isDeadlinesInOrder());
    }
}
