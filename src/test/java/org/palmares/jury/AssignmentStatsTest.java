package org.palmares.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentStatsTest {
    @Test
    void load_counts_every_juror_even_those_with_no_dossier() {
        var stats = AssignmentStats.of(List.of(0, 3, 6), 6);
        assertEquals(9, stats.pairs());
        assertEquals(0, stats.loadMin());
        assertEquals(6, stats.loadMax());
        assertEquals("3.0", stats.getLoadMeanText());
        assertEquals(67, stats.expertisePercent());
    }

    @Test
    void no_juror_and_no_pair_gives_zeros_not_an_error() {
        var stats = AssignmentStats.of(List.of(), 0);
        assertEquals(0, stats.pairs());
        assertEquals(0, stats.expertisePercent());
    }
}
