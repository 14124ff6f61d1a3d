package org.palmares.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palmares.account.Account;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentSource;
import org.palmares.jury.Juror;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;

/*
 * Criteria built here are not persisted, so their ids are null. ScoreSheet.find compares ids with
 * getId().equals(...), which throws as soon as the sheet holds a score; the tests below therefore only
 * cover paths where the sheet holds at most one score and find is not called on it.
 */
class ScoreSheetTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-09-10T08:00:00Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.offset(CLOCK, Duration.ofHours(3));

    private final Edition edition =
            new Edition("TC2019", 2019, "Trophées de la Clause 2019", "Clause Awards 2019", "Europe/Paris", CLOCK);
    private final Category category = edition.addCategory("SOC", "Social", "Social");
    private final Criterion impact = category.addCriterion("Impact", "Impact", 2, 1, 5);
    private final Territory territory =
            new Territory("PLIE de Paris", TerritoryKind.PLIE, "Île-de-France", "75", CLOCK);
    private final Nomination nomination = new Nomination(category, territory, 0, "Chantier d'insertion", CLOCK);
    private final Juror juror =
            new Juror(edition, new Account("juror@example.org", "Jeanne Juré", CLOCK), "Île-de-France", 10);
    private final Assignment assignment = new Assignment(juror, nomination, AssignmentSource.AUTO, CLOCK);

    private final ScoreSheet sheet = new ScoreSheet(assignment, CLOCK);

    @Test
    void a_new_sheet_is_an_empty_draft_of_its_assignment() {
        assertEquals(SheetStatus.DRAFT, sheet.getStatus());
        assertEquals(List.of(), sheet.getScores());
        assertSame(assignment, sheet.getAssignment());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -3, 100})
    void a_score_outside_the_criterions_scale_is_refused(int value) {
        assertThrows(IllegalArgumentException.class, () -> sheet.score(impact, value, null, LATER));
        assertEquals(List.of(), sheet.getScores());
        assertEquals(CLOCK.instant(), sheet.getUpdatedAt());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void a_score_at_either_end_of_the_scale_is_recorded(int value) {
        sheet.score(impact, value, "Bon impact", LATER);
        assertEquals(1, sheet.getScores().size());
        Score score = sheet.getScores().get(0);
        assertSame(impact, score.getCriterion());
        assertEquals(value, score.getValue());
        assertEquals("Bon impact", score.getComment());
        assertEquals(LATER.instant(), sheet.getUpdatedAt());
    }

    @Test
    void a_missing_value_is_recorded_as_no_value() {
        sheet.score(impact, null, "À revoir", LATER);
        assertNull(sheet.getScores().get(0).getValue());
    }

    @Test
    void submitting_refuses_a_criterion_without_score() {
        assertThrows(IllegalStateException.class, () -> sheet.submit(List.of(impact), LATER));
        assertEquals(SheetStatus.DRAFT, sheet.getStatus());
        assertNull(sheet.getSubmittedAt());
    }

    @Test
    void a_submitted_sheet_refuses_changes() {
        // A category without criteria is the only way to submit while find cannot compare null ids.
        sheet.submit(List.of(), LATER);
        assertEquals(SheetStatus.SUBMITTED, sheet.getStatus());
        assertEquals(LATER.instant(), sheet.getSubmittedAt());
        assertThrows(IllegalStateException.class, () -> sheet.score(impact, 3, null, LATER));
        assertEquals(List.of(), sheet.getScores());
    }

    @Test
    void a_reopened_sheet_accepts_changes_again() {
        sheet.submit(List.of(), LATER);
        sheet.reopen(LATER);
        assertEquals(SheetStatus.DRAFT, sheet.getStatus());
        sheet.score(impact, 4, null, LATER);
        assertEquals(4, sheet.getScores().get(0).getValue());
    }

    @Test
    void the_scores_returned_cannot_change_the_sheet() {
        assertThrows(
                UnsupportedOperationException.class, () -> sheet.getScores().clear());
    }
}
