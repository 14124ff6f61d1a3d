package org.palmares.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palmares.account.Account;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Deadline;
import org.palmares.edition.Edition;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentSource;
import org.palmares.jury.Juror;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;
import org.palmares.platform.DomainException;

/** The rules of a score sheet, with fixed clocks: scale, required criteria, weighted result, submit, reopen, deadline. */
class ScoreSheetTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-09-10T08:00:00Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.offset(CLOCK, Duration.ofHours(3));
    /** 30 September 2019, 23:59 in Paris (summer time) is 21:59 UTC. */
    private static final Deadline DEADLINE =
            new Deadline(LocalDateTime.of(2019, 9, 30, 23, 59), java.time.ZoneId.of("Europe/Paris"));

    private static final ScoringWindow OPEN = new ScoringWindow(Optional.of(DEADLINE), false);
    private static final ScoringWindow FROZEN = new ScoringWindow(Optional.of(DEADLINE), true);

    private final Edition edition =
            new Edition("TC2019", 2019, "Trophées de la Clause 2019", "Clause Awards 2019", "Europe/Paris", CLOCK);
    private final Category category = edition.addCategory("SOC", "Social", "Social");
    private final Criterion impact = category.addCriterion("Impact", "Impact", 2, 1, 5);
    private final Criterion partners = category.addCriterion("Partenariat", "Partnership", 1, 0, 10);
    private final Territory territory =
            new Territory("PLIE de Paris", TerritoryKind.PLIE, "Île-de-France", "75", CLOCK);
    private final Nomination nomination = new Nomination(category, territory, 0, "Chantier d'insertion", CLOCK);
    private final Juror juror =
            new Juror(edition, new Account("juror@example.org", "Jeanne Juré", CLOCK), "Île-de-France", 10);
    private final Assignment assignment = new Assignment(juror, nomination, AssignmentSource.AUTO, CLOCK);

    private final ScoreSheet sheet = new ScoreSheet(assignment, CLOCK);

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void a_new_sheet_is_an_empty_draft_of_its_assignment() {
        assertEquals(SheetStatus.DRAFT, sheet.getStatus());
        assertEquals(List.of(), sheet.getScores());
        assertSame(assignment, sheet.getAssignment());
        assertTrue(sheet.result(category.getCriteria()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -3, 100})
    void a_score_outside_the_criterions_scale_is_refused_with_a_clear_message(int value) {
        var refused = assertThrows(DomainException.class, () -> sheet.score(impact, value, null, OPEN, LATER));
        assertEquals("sheet.outOfScale", refused.messageKey());
        assertEquals(400, refused.status());
        assertEquals(List.of(value, 1, 1, 5), List.of(refused.arguments()));
        assertEquals(List.of(), sheet.getScores());
        assertEquals(CLOCK.instant(), sheet.getUpdatedAt());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void a_score_at_either_end_of_the_scale_is_recorded(int value) {
        sheet.score(impact, value, "Bon impact", OPEN, LATER);
        assertEquals(1, sheet.getScores().size());
        Score score = sheet.getScores().get(0);
        assertSame(impact, score.getCriterion());
        assertEquals(value, score.getValue());
        assertEquals("Bon impact", score.getComment());
        assertEquals(LATER.instant(), sheet.getUpdatedAt());
    }

    @Test
    void a_scale_starting_at_zero_accepts_zero() {
        sheet.score(partners, 0, null, OPEN, LATER);
        assertEquals(0, sheet.find(partners).orElseThrow().getValue());
    }

    @Test
    void scoring_again_replaces_the_value_and_a_blank_comment_is_no_comment() {
        sheet.score(impact, 2, "Première lecture", OPEN, LATER);
        sheet.score(impact, 4, "   ", OPEN, LATER);
        assertEquals(1, sheet.getScores().size());
        assertEquals(4, sheet.find(impact).orElseThrow().getValue());
        assertNull(sheet.find(impact).orElseThrow().getComment());
        assertFalse(sheet.differs(impact, 4, ""));
        assertTrue(sheet.differs(impact, 3, null));
    }

    @Test
    void a_comment_longer_than_allowed_is_refused() {
        String tooLong = "x".repeat(ScoreSheet.MAX_COMMENT + 1);
        var refused = assertThrows(DomainException.class, () -> sheet.score(impact, 3, tooLong, OPEN, LATER));
        assertEquals("sheet.comment.tooLong", refused.messageKey());
    }

    @Test
    void a_missing_value_is_recorded_as_no_value() {
        sheet.score(impact, null, "À revoir", OPEN, LATER);
        assertNull(sheet.getScores().get(0).getValue());
        assertEquals(List.of(impact, partners), sheet.missing(category.getCriteria()));
    }

    @Test
    void submitting_lists_every_criterion_without_a_score() {
        sheet.score(partners, 7, null, OPEN, LATER);
        var refused = assertThrows(IncompleteSheet.class, () -> sheet.submit(category.getCriteria(), OPEN, LATER));
        assertEquals(422, refused.status());
        assertEquals("sheet.incomplete", refused.messageKey());
        assertEquals(List.of("1"), List.of(refused.arguments()));
        assertEquals(List.of("Impact"), refused.missing(Locale.FRENCH));
        assertEquals(SheetStatus.DRAFT, sheet.getStatus());
        assertNull(sheet.getSubmittedAt());
    }

    @Test
    void when_the_edition_requires_an_overall_comment_a_sheet_without_one_is_not_submitted() {
        sheet.score(impact, 4, null, OPEN, LATER);
        sheet.score(partners, 5, null, OPEN, LATER);
        sheet.comment("   ", OPEN, LATER);
        var refused =
                assertThrows(DomainException.class, () -> sheet.submit(category.getCriteria(), true, OPEN, LATER));
        assertEquals(422, refused.status());
        assertEquals("sheet.overall.required", refused.messageKey());
        assertEquals(SheetStatus.DRAFT, sheet.getStatus());
        sheet.comment("Un dossier solide.", OPEN, LATER);
        sheet.submit(category.getCriteria(), true, OPEN, LATER);
        assertEquals(SheetStatus.SUBMITTED, sheet.getStatus());
    }

    @Test
    void when_the_overall_comment_is_optional_a_sheet_without_one_is_submitted() {
        sheet.score(impact, 4, null, OPEN, LATER);
        sheet.score(partners, 5, null, OPEN, LATER);
        sheet.submit(category.getCriteria(), false, OPEN, LATER);
        assertEquals(SheetStatus.SUBMITTED, sheet.getStatus());
    }

    @Test
    void a_complete_sheet_is_submitted_and_then_refuses_changes() {
        sheet.score(impact, 4, null, OPEN, LATER);
        sheet.score(partners, 5, null, OPEN, LATER);
        sheet.submit(category.getCriteria(), OPEN, LATER);
        assertEquals(SheetStatus.SUBMITTED, sheet.getStatus());
        assertEquals(LATER.instant(), sheet.getSubmittedAt());
        var refused = assertThrows(DomainException.class, () -> sheet.score(impact, 3, null, OPEN, LATER));
        assertEquals("sheet.submitted", refused.messageKey());
        assertEquals(409, refused.status());
        assertThrows(DomainException.class, () -> sheet.comment("Autre avis", OPEN, LATER));
        assertEquals(4, sheet.find(impact).orElseThrow().getValue());
    }

    @Test
    void a_reopened_sheet_accepts_changes_again() {
        sheet.score(impact, 4, null, OPEN, LATER);
        sheet.score(partners, 5, null, OPEN, LATER);
        sheet.submit(category.getCriteria(), OPEN, LATER);
        sheet.reopen(OPEN, LATER);
        assertEquals(SheetStatus.DRAFT, sheet.getStatus());
        sheet.score(impact, 2, null, OPEN, LATER);
        assertEquals(2, sheet.find(impact).orElseThrow().getValue());
    }

    @Test
    void only_a_submitted_sheet_can_be_reopened() {
        var refused = assertThrows(DomainException.class, () -> sheet.reopen(OPEN, LATER));
        assertEquals("sheet.notSubmitted", refused.messageKey());
    }

    @Test
    void reopening_is_allowed_until_the_deadline_in_the_editions_time_zone_and_refused_after() {
        sheet.score(impact, 4, null, OPEN, LATER);
        sheet.score(partners, 5, null, OPEN, LATER);
        sheet.submit(category.getCriteria(), OPEN, LATER);
        // 21:58 UTC is 23:58 in Paris: still open.
        sheet.reopen(OPEN, at("2019-09-30T21:58:00Z"));
        sheet.submit(category.getCriteria(), OPEN, at("2019-09-30T21:58:30Z"));
        var refused = assertThrows(DomainException.class, () -> sheet.reopen(OPEN, at("2019-09-30T21:59:00Z")));
        assertEquals("sheet.closed", refused.messageKey());
        assertEquals(409, refused.status());
        assertEquals(SheetStatus.SUBMITTED, sheet.getStatus());
    }

    @Test
    void after_the_deadline_no_score_changes() {
        Clock after = at("2019-10-01T08:00:00Z");
        var refused = assertThrows(DomainException.class, () -> sheet.score(impact, 3, null, OPEN, after));
        assertEquals("sheet.closed", refused.messageKey());
        assertThrows(DomainException.class, () -> sheet.comment("Trop tard", OPEN, after));
        assertThrows(DomainException.class, () -> sheet.submit(category.getCriteria(), OPEN, after));
        assertEquals(List.of(), sheet.getScores());
    }

    @Test
    void a_frozen_category_refuses_reopening_and_changes_even_before_the_deadline() {
        sheet.score(impact, 4, null, OPEN, LATER);
        sheet.score(partners, 5, null, OPEN, LATER);
        sheet.submit(category.getCriteria(), OPEN, LATER);
        var refused = assertThrows(DomainException.class, () -> sheet.reopen(FROZEN, LATER));
        assertEquals("sheet.frozen", refused.messageKey());
        assertThrows(
                DomainException.class, () -> new ScoreSheet(assignment, CLOCK).score(impact, 3, null, FROZEN, LATER));
    }

    @Test
    void without_a_deadline_scoring_stays_open() {
        var window = new ScoringWindow(Optional.empty(), false);
        assertTrue(window.isOpen(at("2099-01-01T00:00:00Z")));
        assertFalse(FROZEN.isOpen(CLOCK));
        assertFalse(OPEN.isOpen(at("2019-09-30T22:00:00Z")));
    }

    @Test
    void the_weighted_result_counts_the_criteria_scored_so_far() {
        // Impact (weight 2, 1–5) at 4 → 0.75; Partenariat (weight 1, 0–10) at 5 → 0.5.
        sheet.score(impact, 4, null, OPEN, LATER);
        assertEquals(75.0, sheet.result(category.getCriteria()).getAsDouble(), 1e-9);
        sheet.score(partners, 5, null, OPEN, LATER);
        assertEquals(
                100 * (2 * 0.75 + 1 * 0.5) / 3,
                sheet.result(category.getCriteria()).getAsDouble(),
                1e-9);
    }

    @Test
    void the_scores_returned_cannot_change_the_sheet() {
        assertThrows(
                UnsupportedOperationException.class, () -> sheet.getScores().clear());
    }
}
