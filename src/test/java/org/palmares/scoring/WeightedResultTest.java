package org.palmares.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.palmares.scoring.WeightedResult.Part;

class WeightedResultTest {
    @Test
    void nothing_scored_has_no_result() {
        assertTrue(WeightedResult.of(List.of()).isEmpty());
        assertTrue(WeightedResult.of(List.of(new Part(3, 1, 5, null))).isEmpty());
    }

    @Test
    void the_bottom_of_every_scale_is_zero_and_the_top_is_a_hundred() {
        assertEquals(
                0.0,
                WeightedResult.of(List.of(new Part(1, 1, 5, 1), new Part(4, 0, 20, 0)))
                        .getAsDouble());
        assertEquals(
                100.0,
                WeightedResult.of(List.of(new Part(1, 1, 5, 5), new Part(4, 0, 20, 20)))
                        .getAsDouble());
    }

    @Test
    void heavier_criteria_count_more() {
        // 3 × (3−1)/4 + 1 × (1−1)/4 = 1.5 over a weight of 4 → 37.5
        assertEquals(
                37.5,
                WeightedResult.of(List.of(new Part(3, 1, 5, 3), new Part(1, 1, 5, 1)))
                        .getAsDouble());
    }

    @Test
    void unscored_criteria_do_not_pull_the_result_down() {
        assertEquals(
                50.0,
                WeightedResult.of(List.of(new Part(2, 1, 5, 3), new Part(5, 1, 5, null)))
                        .getAsDouble());
    }

    @Test
    void a_part_needs_a_positive_weight_and_a_rising_scale() {
        assertThrows(IllegalArgumentException.class, () -> new Part(0, 1, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new Part(1, 5, 5, 3));
    }
}
