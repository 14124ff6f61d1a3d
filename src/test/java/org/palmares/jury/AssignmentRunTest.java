package org.palmares.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.palmares.jury.assignment.Pair;

class AssignmentRunTest {
    @Test
    void a_run_gives_back_exactly_the_pairs_it_stored_so_the_next_run_can_compare() {
        var pairs = new TreeSet<Pair>();
        pairs.add(Pair.of("12", "340"));
        pairs.add(Pair.of("3", "7"));
        pairs.add(Pair.of("12", "8"));
        var run =
                new AssignmentRun(null, Instant.EPOCH, "o@x", AssignmentRun.Mode.FULL, "OPTIMAL", 42, 3, 0, "", pairs);
        assertEquals(pairs, run.pairs());
    }

    @Test
    void a_run_with_no_pair_gives_back_none() {
        var run = new AssignmentRun(
                null, Instant.EPOCH, "o@x", AssignmentRun.Mode.FILL_GAPS, "OPTIMAL", 0, 0, 0, "", new TreeSet<>());
        assertTrue(run.pairs().isEmpty());
    }
}
