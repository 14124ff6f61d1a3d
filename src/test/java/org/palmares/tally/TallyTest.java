package org.palmares.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.palmares.tally.TallyInput.CategorySpec;
import org.palmares.tally.TallyInput.CriterionSpec;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.CategoryTally;
import org.palmares.tally.TallyResult.EditionTally;
import org.palmares.tally.TallyResult.NominationFigures;
import org.palmares.tally.TallyResult.Ranking;

class TallyTest {
    private static final long CATEGORY = 100;
    /** One criterion on 0–100, so that S is the value itself and the examples stay readable. */
    private static final List<CriterionSpec> PERCENT = List.of(new CriterionSpec(1, 1, 0, 100, 1));

    private static long sheetIds = 1;

    private static Sheet sheet(long juror, long nomination, int... values) {
        return new Sheet(sheetIds++, juror, nomination, values);
    }

    private static EditionTally tally(List<Sheet> sheets, long... nominations) {
        return tally(TallySettings.defaults(2), sheets, nominations);
    }

    private static EditionTally tally(TallySettings settings, List<Sheet> sheets, long... nominations) {
        var category = new CategorySpec(
                CATEGORY, PERCENT, java.util.Arrays.stream(nominations).boxed().toList());
        return Tally.compute(List.of(category), sheets, settings);
    }

    private static NominationFigures of(EditionTally tally, long nomination) {
        return tally.category(CATEGORY).nominations().stream()
                .filter(f -> f.nominationId() == nomination)
                .findFirst()
                .orElseThrow();
    }

    private static List<Long> ids(List<TallyResult.Standing> standings) {
        return standings.stream().map(TallyResult.Standing::nominationId).toList();
    }

    private static List<Integer> rankList(List<TallyResult.Standing> standings) {
        return standings.stream().map(TallyResult.Standing::rank).toList();
    }

    @Test
    void sheet_score_weighs_each_criterion_on_its_own_scale() {
        var criteria = List.of(new CriterionSpec(1, 2, 1, 5, 1), new CriterionSpec(2, 1, 0, 10, 2));
        // 100 × (2 × 3/4 + 1 × 5/10) / 3 = 66.666…
        assertEquals(200.0 / 3, Tally.sheetScore(criteria, new int[] {4, 5}), 1e-12);
        assertEquals(0, Tally.sheetScore(criteria, new int[] {1, 0}));
        assertEquals(100, Tally.sheetScore(criteria, new int[] {5, 10}));
    }

    @Test
    void sheet_score_refuses_a_value_off_the_scale_or_a_missing_one() {
        var criteria = List.of(new CriterionSpec(1, 1, 1, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Tally.sheetScore(criteria, new int[] {6}));
        assertThrows(IllegalArgumentException.class, () -> Tally.sheetScore(criteria, new int[] {}));
    }

    @Test
    void scores_round_half_up_to_two_decimals() {
        assertEquals(1235, Tally.cents(12.345));
        assertEquals(1234, Tally.cents(12.344999));
        assertEquals(6667, Tally.cents(200.0 / 3));
        assertEquals("1.01", Tally.round2(1.005).toString());
    }

    /**
     * Juror 1 gives 40, 60, 80 (μ 60, σ √(800/3)); juror 2 gives 70, 90, 80 (μ 80, σ √(200/3)). Edition: μ 70, σ
     * √(1600/6), and σ × √1.5 = 20. Normalised: n1 = 70 − 20 = 50, n2 = n3 = 70 + 10 = 80.
     */
    @Test
    void normalised_score_reads_each_juror_on_their_own_scale() {
        var result = tally(
                List.of(
                        sheet(1, 11, 40),
                        sheet(1, 12, 60),
                        sheet(1, 13, 80),
                        sheet(2, 11, 70),
                        sheet(2, 12, 90),
                        sheet(2, 13, 80)),
                11,
                12,
                13);
        assertEquals(70, result.mean(), 1e-9);
        assertEquals(55, of(result, 11).raw(), 1e-9);
        assertEquals(50, of(result, 11).normalised(), 1e-9);
        assertEquals(80, of(result, 12).normalised(), 1e-9);
        assertEquals(80, of(result, 13).normalised(), 1e-9);
        // Complete design: calibration gives the raw means, jurors' biases −7.5 and +7.5.
        assertEquals(75, of(result, 12).calibrated(), 1e-9);
        assertEquals(-7.5, result.jurors().get(1L).bias(), 1e-9);
        assertEquals(7.5, result.jurors().get(2L).bias(), 1e-9);
        assertTrue(of(result, 11).flags().isEmpty());
    }

    @Test
    void equal_normalised_scores_are_ordered_by_the_raw_score_and_the_rule_is_recorded() {
        var result = tally(
                List.of(
                        sheet(1, 11, 40),
                        sheet(1, 12, 60),
                        sheet(1, 13, 80),
                        sheet(2, 11, 70),
                        sheet(2, 12, 90),
                        sheet(2, 13, 80)),
                11,
                12,
                13);
        Ranking ranking = result.category(CATEGORY).ranking(TallyMethod.NORMALISED);
        assertEquals(List.of(13L, 12L, 11L), ids(ranking.standings()));
        assertEquals(List.of(1, 2, 3), rankList(ranking.standings()));
        assertEquals(1, ranking.ties().size());
        var tie = ranking.ties().get(0);
        assertEquals(13, tie.above());
        assertEquals(12, tie.below());
        assertEquals(TieBreak.RAW, tie.rule().rule());
        assertEquals(TieBreak.RAW, ranking.standings().get(1).brokenBy().rule());
    }

    /**
     * Juror 1: n1 50, n2 70; juror 2: n2 90, n3 60. Normal equations give b1 = −5, b2 = 5, so q1 = 55, q2 = 80, q3 =
     * 55: n1 and n3 tie at 55, and the raw score (50 against 60) puts n3 first.
     */
    @Test
    void calibrated_score_is_the_exact_least_squares_fit_with_a_ridge_on_juror_bias() {
        var result = tally(List.of(sheet(1, 11, 50), sheet(1, 12, 70), sheet(2, 12, 90), sheet(2, 13, 60)), 11, 12, 13);
        assertEquals(55, of(result, 11).calibrated(), 1e-9);
        assertEquals(80, of(result, 12).calibrated(), 1e-9);
        assertEquals(55, of(result, 13).calibrated(), 1e-9);
        assertEquals(-5, result.jurors().get(1L).bias(), 1e-9);
        Ranking ranking = result.category(CATEGORY).ranking(TallyMethod.CALIBRATED);
        assertEquals(List.of(12L, 13L, 11L), ids(ranking.standings()));
        assertEquals(1, ranking.ties().size());
        assertEquals(TieBreak.RAW, ranking.ties().get(0).rule().rule());
        // Raw ranks n3 (60) and n1 (50) the same way; n1 is last everywhere.
        assertFalse(result.category(CATEGORY).rankDiffers(11));
    }

    @Test
    void the_calibration_solved_by_conjugate_gradients_matches_the_dense_solution() {
        var random = new java.util.Random(7);
        var data = RandomEditions.edition(random, 40, 12, 3);
        var dense = Tally.compute(data.categories(), data.sheets(), TallySettings.defaults(3));
        var iterative = Tally.compute(data.categories(), data.sheets(), TallySettings.defaults(3), 0);
        for (var c : dense.categories().values()) {
            for (var f : c.nominations()) {
                var g = iterative.category(c.categoryId()).nominations().stream()
                        .filter(x -> x.nominationId() == f.nominationId())
                        .findFirst()
                        .orElseThrow();
                if (f.scored()) assertEquals(f.calibrated(), g.calibrated(), 1e-9);
            }
        }
    }

    @Test
    void criterion_means_in_priority_order_then_the_median_break_what_the_raw_score_leaves_equal() {
        var criteria = List.of(new CriterionSpec(1, 1, 0, 10, 2), new CriterionSpec(2, 1, 0, 10, 1));
        var category = new CategorySpec(CATEGORY, criteria, List.of(11L, 12L, 13L, 14L));
        // Same S everywhere (50); n11 leads on criterion 2, which has priority 1.
        var sheets = List.of(
                sheet(1, 11, 4, 6), sheet(2, 11, 4, 6),
                sheet(1, 12, 6, 4), sheet(2, 12, 6, 4),
                // n13 and n14: same criterion means (5, 5); medians differ? Same sheets → ex aequo.
                sheet(1, 13, 5, 5), sheet(2, 13, 5, 5),
                sheet(1, 14, 5, 5), sheet(2, 14, 5, 5));
        var result = Tally.compute(List.of(category), sheets, TallySettings.defaults(2));
        Ranking raw = result.category(CATEGORY).ranking(TallyMethod.RAW);
        assertEquals(List.of(11L, 13L, 14L, 12L), ids(raw.standings()));
        assertEquals(List.of(1, 2, 2, 4), rankList(raw.standings()));
        assertEquals(3, raw.ties().size());
        assertEquals(
                new TallyResult.TieRule(TieBreak.CRITERIA, 2), raw.ties().get(0).rule());
        assertTrue(raw.ties().get(1).exAequo());
        assertTrue(raw.standings().get(1).exAequo());
        assertTrue(raw.standings().get(2).exAequo());
        assertEquals(
                new TallyResult.TieRule(TieBreak.CRITERIA, 2), raw.ties().get(2).rule());
    }

    @Test
    void the_median_breaks_a_tie_when_it_comes_first_in_the_chain() {
        var settings = TallySettings.defaults(1).withChain(List.of(TieBreak.MEDIAN, TieBreak.RAW));
        // Both raw 50; medians 50 (30, 50, 70) and 40 (40, 40, 70).
        var result = tally(
                settings,
                List.of(
                        sheet(1, 11, 30),
                        sheet(2, 11, 50),
                        sheet(3, 11, 70),
                        sheet(1, 12, 40),
                        sheet(2, 12, 40),
                        sheet(3, 12, 70)),
                11,
                12);
        Ranking raw = result.category(CATEGORY).ranking(TallyMethod.RAW);
        assertEquals(List.of(11L, 12L), ids(raw.standings()));
        assertEquals(TieBreak.MEDIAN, raw.ties().get(0).rule().rule());
    }

    @Test
    void scores_equal_at_two_decimals_are_equal() {
        // 100/3 = 33.333… and 33.33 look the same, so the tie-break decides (here the median is equal too: ex aequo).
        var criteria = List.of(new CriterionSpec(1, 1, 0, 3, 1));
        var category = new CategorySpec(CATEGORY, criteria, List.of(11L, 12L));
        var result =
                Tally.compute(List.of(category), List.of(sheet(1, 11, 1), sheet(1, 12, 1)), TallySettings.defaults(1));
        assertEquals(
                List.of(1, 1),
                rankList(result.category(CATEGORY).ranking(TallyMethod.RAW).standings()));
    }

    @Test
    void flags_say_incomplete_disagreement_outlier_and_few_sheets() {
        var settings = TallySettings.defaults(3);
        // Juror 1: 0, 50, 50, 50, 50 → μ 40, σ 20; the 0 has z = −2: an outlier. Juror 2 has two sheets only.
        var result = tally(
                settings,
                List.of(
                        sheet(1, 11, 0),
                        sheet(1, 12, 50),
                        sheet(1, 13, 50),
                        sheet(1, 14, 50),
                        sheet(1, 15, 50),
                        sheet(2, 11, 90),
                        sheet(2, 12, 50)),
                11,
                12,
                13,
                14,
                15,
                16);
        assertEquals(
                java.util.Set.of(Flag.INCOMPLETE, Flag.DISAGREEMENT, Flag.OUTLIER, Flag.FEW_SHEETS),
                of(result, 11).flags());
        assertEquals(java.util.Set.of(Flag.INCOMPLETE), of(result, 13).flags());
        assertTrue(result.sheets().get(0).outlier());
        assertEquals(-2, result.sheets().get(0).z(), 1e-12);
        assertFalse(result.jurors().get(2L).ownScale());
        NominationFigures none = of(result, 16);
        assertFalse(none.scored());
        assertEquals(java.util.Set.of(Flag.INCOMPLETE), none.flags());
        var ranking = result.category(CATEGORY).ranking(TallyMethod.NORMALISED);
        assertEquals(16, ranking.standings().get(5).nominationId());
        assertEquals(0, ranking.standings().get(5).rank());
    }

    @Test
    void a_juror_who_gives_the_same_score_everywhere_is_read_on_the_edition_scale() {
        var result = tally(
                List.of(sheet(1, 11, 60), sheet(1, 12, 60), sheet(1, 13, 60), sheet(2, 11, 20), sheet(2, 12, 100)),
                11,
                12,
                13);
        assertFalse(result.jurors().get(1L).ownScale());
        assertEquals(60, of(result, 13).normalised(), 1e-9);
        assertTrue(of(result, 13).has(Flag.FEW_SHEETS));
    }

    @Test
    void a_sheet_of_a_nomination_outside_the_categories_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> tally(List.of(sheet(1, 99, 50)), 11));
    }

    @Test
    void an_edition_without_sheets_ranks_nobody() {
        CategoryTally c = tally(List.of(), 11, 12).category(CATEGORY);
        assertEquals(List.of(0, 0), rankList(c.ranking(TallyMethod.RAW).standings()));
    }
}
