package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;

class NominationTest {
    private static final Instant CREATED = Instant.parse("2019-04-02T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(CREATED, ZoneOffset.UTC);
    private static final Clock LATER = Clock.offset(CLOCK, Duration.ofDays(1));
    private static final Clock MUCH_LATER = Clock.offset(CLOCK, Duration.ofDays(5));

    private final Edition edition =
            new Edition("TC2019", 2019, "Trophées de la Clause 2019", "Clause Awards 2019", "Europe/Paris", CLOCK);
    private final Category category = edition.addCategory("SOC", "Social", "Social");
    private final Territory territory =
            new Territory("PLIE de Paris", TerritoryKind.PLIE, "Île-de-France", "75", CLOCK);

    private Nomination draft() {
        return new Nomination(category, territory, 0, "Chantier d'insertion", CLOCK);
    }

    private Nomination submitted() {
        Nomination nomination = draft();
        nomination.submit("TC2019-SOC-001", LATER);
        return nomination;
    }

    @Test
    void a_new_nomination_is_a_draft_without_reference() {
        Nomination nomination = draft();
        assertEquals(NominationStatus.DRAFT, nomination.getStatus());
        assertFalse(nomination.hasReference());
        assertNull(nomination.getReference());
        assertEquals(CREATED, nomination.getCreatedAt());
    }

    @Test
    void a_slot_beyond_the_category_limit_is_refused() {
        // The default limit is one nomination per territory: only slot 0 exists.
        assertThrows(IllegalArgumentException.class, () -> new Nomination(category, territory, 1, "De trop", CLOCK));
    }

    @Test
    void a_negative_slot_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Nomination(category, territory, -1, "Négatif", CLOCK));
    }

    @Test
    void the_last_slot_under_a_raised_limit_is_accepted_and_the_next_refused() {
        category.setLimitPerTerritory(3);
        assertEquals(2, new Nomination(category, territory, 2, "Troisième", CLOCK).getSlot());
        assertThrows(IllegalArgumentException.class, () -> new Nomination(category, territory, 3, "Quatrième", CLOCK));
    }

    @Test
    void submitting_gives_the_reference_and_the_submission_time() {
        Nomination nomination = submitted();
        assertEquals(NominationStatus.SUBMITTED, nomination.getStatus());
        assertEquals("TC2019-SOC-001", nomination.getReference());
        assertTrue(nomination.hasReference());
        assertEquals(LATER.instant(), nomination.getSubmittedAt());
    }

    @Test
    void a_resubmission_keeps_the_first_reference() {
        Nomination nomination = submitted();
        nomination.edit("Chantier d'insertion (corrigé)", "Résumé", MUCH_LATER);
        nomination.submit("TC2019-SOC-009", MUCH_LATER);
        assertEquals("TC2019-SOC-001", nomination.getReference());
        assertEquals(MUCH_LATER.instant(), nomination.getSubmittedAt());
        assertEquals(NominationStatus.SUBMITTED, nomination.getStatus());
    }

    @Test
    void a_draft_can_be_edited() {
        Nomination nomination = draft();
        nomination.edit("Nouveau titre", "Un résumé", LATER);
        assertEquals("Nouveau titre", nomination.getTitle());
        assertEquals("Un résumé", nomination.getSummary());
        assertEquals(LATER.instant(), nomination.getUpdatedAt());
    }

    @Test
    void a_draft_can_be_withdrawn() {
        Nomination nomination = draft();
        nomination.withdraw(LATER);
        assertEquals(NominationStatus.WITHDRAWN, nomination.getStatus());
        assertEquals(LATER.instant(), nomination.getUpdatedAt());
    }

    @Test
    void a_submitted_nomination_can_be_withdrawn_and_keeps_its_reference() {
        Nomination nomination = submitted();
        nomination.withdraw(MUCH_LATER);
        assertEquals(NominationStatus.WITHDRAWN, nomination.getStatus());
        assertEquals("TC2019-SOC-001", nomination.getReference());
    }

    @Test
    void a_withdrawn_nomination_can_no_longer_be_edited_submitted_or_withdrawn() {
        Nomination nomination = draft();
        nomination.withdraw(LATER);
        assertThrows(IllegalStateException.class, () -> nomination.edit("x", "y", MUCH_LATER));
        assertThrows(IllegalStateException.class, () -> nomination.submit("TC2019-SOC-002", MUCH_LATER));
        assertThrows(IllegalStateException.class, () -> nomination.withdraw(MUCH_LATER));
        assertFalse(nomination.hasReference());
    }

    @Test
    void a_draft_cannot_be_screened() {
        Nomination nomination = draft();
        assertThrows(IllegalStateException.class, () -> nomination.screen(true, null, LATER));
        assertEquals(NominationStatus.DRAFT, nomination.getStatus());
    }

    @Test
    void a_withdrawn_nomination_cannot_be_screened() {
        Nomination nomination = submitted();
        nomination.withdraw(LATER);
        assertThrows(IllegalStateException.class, () -> nomination.screen(true, null, MUCH_LATER));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void a_submitted_nomination_is_screened_eligible_or_not_with_the_reason(boolean eligible) {
        Nomination nomination = submitted();
        nomination.screen(eligible, "Critères vérifiés", MUCH_LATER);
        assertEquals(eligible ? NominationStatus.ELIGIBLE : NominationStatus.INELIGIBLE, nomination.getStatus());
        assertEquals("Critères vérifiés", nomination.getEligibilityReason());
        assertEquals(MUCH_LATER.instant(), nomination.getUpdatedAt());
    }

    @Test
    void a_screening_verdict_can_be_revised() {
        Nomination nomination = submitted();
        nomination.screen(true, null, LATER);
        nomination.screen(false, "Hors périmètre", MUCH_LATER);
        assertEquals(NominationStatus.INELIGIBLE, nomination.getStatus());
        assertEquals("Hors périmètre", nomination.getEligibilityReason());
    }

    @Test
    void a_screened_nomination_can_no_longer_be_edited_resubmitted_or_withdrawn() {
        Nomination nomination = submitted();
        nomination.screen(true, null, LATER);
        assertThrows(IllegalStateException.class, () -> nomination.edit("x", "y", MUCH_LATER));
        assertThrows(IllegalStateException.class, () -> nomination.submit("TC2019-SOC-003", MUCH_LATER));
        assertThrows(IllegalStateException.class, () -> nomination.withdraw(MUCH_LATER));
        assertEquals(NominationStatus.ELIGIBLE, nomination.getStatus());
    }

    @Test
    void a_submitted_nomination_is_taken_back_as_a_draft_to_be_changed_and_keeps_its_reference() {
        Nomination nomination = submitted();
        nomination.reopen(MUCH_LATER);
        assertEquals(NominationStatus.DRAFT, nomination.getStatus());
        assertEquals("TC2019-SOC-001", nomination.getReference());
        nomination.edit("Chantier d'insertion, deuxième version", "Résumé", MUCH_LATER);
        nomination.submit("TC2019-SOC-009", MUCH_LATER);
        assertEquals("TC2019-SOC-001", nomination.getReference(), "the first reference stays");
    }

    @Test
    void a_draft_or_a_screened_nomination_cannot_be_reopened() {
        assertThrows(IllegalStateException.class, () -> draft().reopen(MUCH_LATER));
        Nomination screened = submitted();
        screened.screen(true, null, MUCH_LATER);
        assertThrows(IllegalStateException.class, () -> screened.reopen(MUCH_LATER));
    }

    @Test
    void an_attachment_keeps_the_hash_of_its_bytes_and_older_ones_have_none() {
        Nomination nomination = draft();
        Attachment hashed = nomination.attach("a.pdf", "s1", "application/pdf", 10, "ab12", null, LATER);
        Attachment older = nomination.attach("b.pdf", "s2", "application/pdf", 10, null, LATER);
        assertEquals(java.util.Optional.of("ab12"), hashed.contentHash());
        assertTrue(older.contentHash().isEmpty());
        older.knowContentHash("cd34");
        older.knowContentHash("ef56");
        assertEquals(java.util.Optional.of("cd34"), older.contentHash(), "once known, never changed");
    }
}
