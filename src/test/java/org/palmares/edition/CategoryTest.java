package org.palmares.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-01-10T09:00:00Z"), ZoneOffset.UTC);

    private final Edition edition =
            new Edition("TC2019", 2019, "Trophées de la Clause 2019", "Clause Awards 2019", "Europe/Paris", CLOCK);
    private final Category category =
            edition.addCategory("SOC", "Social et environnemental", "Social and environmental");

    private Criterion oneToFive() {
        return category.addCriterion("Impact", "Impact", 2, 1, 5);
    }

    private static List<Integer> values(Criterion criterion) {
        return criterion.getAnchors().stream().map(Anchor::getValue).toList();
    }

    @Test
    void categories_are_added_at_the_end_of_the_edition() {
        Category env = edition.addCategory("ENV", "Environnement", "Environment");
        assertEquals(0, category.getPosition());
        assertEquals(1, env.getPosition());
        assertSame(edition, env.getEdition());
        assertEquals(List.of(category, env), edition.getCategories());
    }

    @Test
    void criteria_are_added_at_the_end_with_tie_break_priority_in_order() {
        Criterion first = oneToFive();
        Criterion second = category.addCriterion("Durabilité", "Sustainability", 1, 0, 10);
        assertEquals(0, first.getPosition());
        assertEquals(1, second.getPosition());
        assertEquals(1, first.getTieBreakPriority());
        assertEquals(2, second.getTieBreakPriority());
        assertSame(category, second.getCategory());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1, 100})
    void anchor_outside_the_scale_is_refused(int value) {
        Criterion criterion = oneToFive();
        assertThrows(IllegalArgumentException.class, () -> criterion.anchor(value, "hors", "out"));
        assertEquals(List.of(), criterion.getAnchors());
    }

    @Test
    void anchors_on_both_ends_of_the_scale_are_accepted() {
        Criterion criterion = oneToFive();
        criterion.anchor(1, "aucune action", "no action");
        criterion.anchor(5, "exemplaire", "exemplary");
        assertEquals(List.of(1, 5), values(criterion));
    }

    @Test
    void anchoring_a_value_again_replaces_its_text() {
        Criterion criterion = oneToFive();
        criterion.anchor(3, "moyen", "average");
        criterion.anchor(3, "correct", "fair");
        assertEquals(1, criterion.getAnchors().size());
        assertEquals("correct", criterion.getAnchors().get(0).text(Locale.FRENCH));
        assertEquals("fair", criterion.getAnchors().get(0).text(Locale.ENGLISH));
    }

    @Test
    void anchors_are_kept_sorted_by_value() {
        Criterion criterion = oneToFive();
        criterion.anchor(5, "e", "e");
        criterion.anchor(1, "a", "a");
        criterion.anchor(3, "c", "c");
        criterion.anchor(1, "a2", "a2");
        assertEquals(List.of(1, 3, 5), values(criterion));
    }

    @Test
    void a_criterion_accepts_exactly_the_values_of_its_scale() {
        Criterion criterion = oneToFive();
        assertFalse(criterion.accepts(0));
        assertTrue(criterion.accepts(1));
        assertTrue(criterion.accepts(5));
        assertFalse(criterion.accepts(6));
    }

    @Test
    void a_scale_is_ordered_only_when_its_minimum_is_below_its_maximum() {
        assertTrue(oneToFive().isScaleOrdered());
        assertFalse(category.addCriterion("Plat", "Flat", 1, 3, 3).isScaleOrdered());
        assertFalse(category.addCriterion("Inversé", "Reversed", 1, 5, 1).isScaleOrdered());
    }

    @Test
    void reviews_needed_defaults_to_the_editions_number() {
        edition.setReviewsPerNomination(4);
        assertEquals(4, category.reviewsNeeded());
    }

    @Test
    void reviews_needed_uses_the_categorys_override_when_set() {
        edition.setReviewsPerNomination(4);
        category.setReviewsPerNomination(2);
        assertEquals(2, category.reviewsNeeded());
    }

    @Test
    void clearing_the_override_falls_back_to_the_edition() {
        category.setReviewsPerNomination(2);
        category.setReviewsPerNomination(null);
        assertEquals(3, category.reviewsNeeded());
    }

    @Test
    void removing_a_criterion_renumbers_the_positions_of_the_rest() {
        Criterion a = category.addCriterion("A", "A", 1, 1, 5);
        Criterion b = category.addCriterion("B", "B", 1, 1, 5);
        Criterion c = category.addCriterion("C", "C", 1, 1, 5);
        Criterion d = category.addCriterion("D", "D", 1, 1, 5);
        category.removeCriterion(b);
        assertEquals(List.of(a, c, d), category.getCriteria());
        assertEquals(
                List.of(0, 1, 2),
                category.getCriteria().stream().map(Criterion::getPosition).toList());
    }

    @Test
    void removing_the_first_criterion_moves_the_next_one_to_position_zero() {
        Criterion a = category.addCriterion("A", "A", 1, 1, 5);
        Criterion b = category.addCriterion("B", "B", 1, 1, 5);
        category.removeCriterion(a);
        assertEquals(0, b.getPosition());
    }

    @Test
    void names_follow_the_locale_language() {
        assertEquals("Social and environmental", category.name(Locale.UK));
        assertEquals("Social et environnemental", category.name(Locale.FRANCE));
    }
}
