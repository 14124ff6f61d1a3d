package org.palmares.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PhaseRulesTest {
    private static final Instant NOW = Instant.parse("2019-05-15T10:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(7));
    private static final Instant EARLIER = NOW.minus(Duration.ofDays(7));

    /** Facts builder: every field starts at a value that satisfies the rules of the phase under test. */
    private static final class Facts {
        int categories = 2;
        int categoriesWithoutCriteria = 0;
        Instant nominationDeadline = LATER;
        Instant scoringDeadline = LATER;
        long submittedNominations = 4;
        long unscreenedNominations = 0;
        long eligibleNominations = 3;
        long jurors = 5;
        long draftSheets = 0;
        long categoriesWithoutSignedDecision = 0;

        PhaseFacts build() {
            return new PhaseFacts(
                    categories,
                    categoriesWithoutCriteria,
                    nominationDeadline,
                    scoringDeadline,
                    submittedNominations,
                    unscreenedNominations,
                    eligibleNominations,
                    jurors,
                    draftSheets,
                    categoriesWithoutSignedDecision);
        }
    }

    private static List<String> missing(Phase from, Facts facts) {
        return PhaseRules.missingToLeave(from, facts.build(), NOW);
    }

    private static Facts nothingDone() {
        var f = new Facts();
        f.categories = 0;
        f.categoriesWithoutCriteria = 3;
        f.nominationDeadline = null;
        f.scoringDeadline = null;
        f.submittedNominations = 0;
        f.unscreenedNominations = 9;
        f.eligibleNominations = 0;
        f.jurors = 0;
        f.draftSheets = 9;
        f.categoriesWithoutSignedDecision = 9;
        return f;
    }

    // SETUP

    @Test
    void setup_can_be_left_with_categories_criteria_and_a_future_nomination_deadline() {
        assertEquals(List.of(), missing(Phase.SETUP, new Facts()));
    }

    @Test
    void setup_needs_at_least_one_category() {
        var f = new Facts();
        f.categories = 0;
        assertEquals(List.of("phase.missing.categories"), missing(Phase.SETUP, f));
    }

    @Test
    void setup_needs_criteria_in_every_category() {
        var f = new Facts();
        f.categoriesWithoutCriteria = 1;
        assertEquals(List.of("phase.missing.criteria"), missing(Phase.SETUP, f));
    }

    @Test
    void setup_needs_a_nomination_deadline() {
        var f = new Facts();
        f.nominationDeadline = null;
        assertEquals(List.of("phase.missing.nominationDeadline"), missing(Phase.SETUP, f));
    }

    @Test
    void setup_refuses_a_nomination_deadline_already_past() {
        var f = new Facts();
        f.nominationDeadline = EARLIER;
        assertEquals(List.of("phase.missing.nominationDeadlinePast"), missing(Phase.SETUP, f));
    }

    @Test
    void setup_refuses_a_nomination_deadline_equal_to_now() {
        var f = new Facts();
        f.nominationDeadline = NOW;
        assertEquals(List.of("phase.missing.nominationDeadlinePast"), missing(Phase.SETUP, f));
    }

    @Test
    void setup_accepts_a_nomination_deadline_one_nanosecond_ahead() {
        var f = new Facts();
        f.nominationDeadline = NOW.plusNanos(1);
        assertEquals(List.of(), missing(Phase.SETUP, f));
    }

    @Test
    void setup_with_nothing_done_lists_every_missing_setup_item_once() {
        assertEquals(
                List.of("phase.missing.categories", "phase.missing.criteria", "phase.missing.nominationDeadline"),
                missing(Phase.SETUP, nothingDone()));
    }

    // NOMINATIONS_OPEN

    @Test
    void nominations_can_close_once_the_deadline_is_reached_with_submitted_nominations() {
        var f = new Facts();
        f.nominationDeadline = NOW;
        assertEquals(List.of(), missing(Phase.NOMINATIONS_OPEN, f));
    }

    @Test
    void nominations_cannot_close_before_the_deadline() {
        var f = new Facts();
        f.nominationDeadline = NOW.plusNanos(1);
        assertEquals(List.of("phase.missing.nominationDeadlineNotReached"), missing(Phase.NOMINATIONS_OPEN, f));
    }

    @Test
    void nominations_cannot_close_without_a_submitted_nomination() {
        var f = new Facts();
        f.nominationDeadline = EARLIER;
        f.submittedNominations = 0;
        assertEquals(List.of("phase.missing.submittedNominations"), missing(Phase.NOMINATIONS_OPEN, f));
    }

    @Test
    void nominations_with_nothing_done_list_only_the_missing_submissions() {
        // No deadline means nothing to wait for; only the missing submissions stop the change.
        assertEquals(List.of("phase.missing.submittedNominations"), missing(Phase.NOMINATIONS_OPEN, nothingDone()));
    }

    // SCREENING

    @Test
    void screening_can_end_with_everything_screened_eligible_nominations_jurors_and_a_future_scoring_deadline() {
        assertEquals(List.of(), missing(Phase.SCREENING, new Facts()));
    }

    @Test
    void screening_cannot_end_with_an_unscreened_nomination() {
        var f = new Facts();
        f.unscreenedNominations = 1;
        assertEquals(List.of("phase.missing.screening"), missing(Phase.SCREENING, f));
    }

    @Test
    void screening_cannot_end_without_an_eligible_nomination() {
        var f = new Facts();
        f.eligibleNominations = 0;
        assertEquals(List.of("phase.missing.eligibleNominations"), missing(Phase.SCREENING, f));
    }

    @Test
    void screening_cannot_end_without_jurors() {
        var f = new Facts();
        f.jurors = 0;
        assertEquals(List.of("phase.missing.jurors"), missing(Phase.SCREENING, f));
    }

    @Test
    void screening_cannot_end_without_a_scoring_deadline() {
        var f = new Facts();
        f.scoringDeadline = null;
        assertEquals(List.of("phase.missing.scoringDeadline"), missing(Phase.SCREENING, f));
    }

    @Test
    void screening_cannot_end_with_a_scoring_deadline_already_reached() {
        var f = new Facts();
        f.scoringDeadline = NOW;
        assertEquals(List.of("phase.missing.scoringDeadlinePast"), missing(Phase.SCREENING, f));
    }

    @Test
    void screening_with_nothing_done_lists_every_missing_screening_item_once() {
        assertEquals(
                List.of(
                        "phase.missing.screening",
                        "phase.missing.eligibleNominations",
                        "phase.missing.jurors",
                        "phase.missing.scoringDeadline"),
                missing(Phase.SCREENING, nothingDone()));
    }

    // SCORING

    @Test
    void scoring_can_end_when_every_sheet_is_submitted() {
        assertEquals(List.of(), missing(Phase.SCORING, new Facts()));
    }

    @Test
    void scoring_cannot_end_with_draft_sheets_before_the_deadline() {
        var f = new Facts();
        f.draftSheets = 2;
        f.scoringDeadline = NOW.plusNanos(1);
        assertEquals(List.of("phase.missing.scoringNotFinished"), missing(Phase.SCORING, f));
    }

    @Test
    void scoring_cannot_end_with_draft_sheets_when_there_is_no_deadline() {
        var f = new Facts();
        f.draftSheets = 2;
        f.scoringDeadline = null;
        assertEquals(List.of("phase.missing.scoringNotFinished"), missing(Phase.SCORING, f));
    }

    @Test
    void scoring_can_end_with_draft_sheets_once_the_deadline_is_reached() {
        var f = new Facts();
        f.draftSheets = 2;
        f.scoringDeadline = NOW;
        assertEquals(List.of(), missing(Phase.SCORING, f));
    }

    // DELIBERATION

    @Test
    void deliberation_can_end_when_every_category_has_a_signed_decision() {
        assertEquals(List.of(), missing(Phase.DELIBERATION, new Facts()));
    }

    @Test
    void deliberation_cannot_end_with_a_category_without_signed_decision() {
        var f = new Facts();
        f.categoriesWithoutSignedDecision = 1;
        assertEquals(List.of("phase.missing.decisions"), missing(Phase.DELIBERATION, f));
    }

    // CEREMONY, PUBLISHED, ARCHIVED

    @ParameterizedTest
    @EnumSource(
            value = Phase.class,
            names = {"CEREMONY", "PUBLISHED"})
    void ceremony_and_publication_need_only_the_organisers_word(Phase phase) {
        assertEquals(List.of(), missing(phase, nothingDone()));
    }

    @Test
    void archived_cannot_be_left_even_when_everything_is_done() {
        assertEquals(List.of("phase.missing.last"), missing(Phase.ARCHIVED, new Facts()));
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void every_missing_list_is_unmodifiable(Phase phase) {
        List<String> result = missing(phase, nothingDone());
        assertThrows(UnsupportedOperationException.class, () -> result.add("x"));
    }
}
