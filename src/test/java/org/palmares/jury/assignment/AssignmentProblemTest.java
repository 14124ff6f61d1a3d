package org.palmares.jury.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AssignmentProblemTest {
    private static final JurorSlot ANNE = new JurorSlot("anne", 2, "ARA", Set.of("SOC"));
    private static final JurorSlot BRUNO = new JurorSlot("bruno", 1, "IDF", Set.of());
    private static final NominationNeed N1 = new NominationNeed("n1", "SOC", "IDF", 2);
    private static final NominationNeed N2 = new NominationNeed("n2", "MIX", "ARA", 2);

    private static AssignmentProblem problem(Set<Pair> forbidden, Set<Pair> kept) {
        return new AssignmentProblem(List.of(ANNE, BRUNO), List.of(N1, N2), forbidden, kept, Weights.DEFAULT);
    }

    private static void assertRefused(String expectedInMessage, Executable creation) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, creation);
        assertTrue(
                refused.getMessage().contains(expectedInMessage),
                () -> "\"" + refused.getMessage() + "\" should mention \"" + expectedInMessage + "\"");
    }

    @Test
    void negative_capacity_is_refused() {
        assertRefused("juror zoe has a negative capacity", () -> new JurorSlot("zoe", -1, "ARA", Set.of()));
    }

    @Test
    void negative_required_jurors_is_refused() {
        assertRefused("nomination n9 requires a negative", () -> new NominationNeed("n9", "SOC", "ARA", -1));
    }

    @Test
    void negative_weights_are_refused() {
        assertRefused("weights cannot be negative", () -> new Weights(10, -3, 1));
        assertRefused("weights cannot be negative", () -> new Weights(10, 3, -1));
    }

    @Test
    void blank_ids_are_refused() {
        assertRefused("blank id", () -> new JurorSlot(" ", 1, "ARA", Set.of()));
        assertRefused("blank id", () -> new NominationNeed("", "SOC", "ARA", 1));
    }

    @Test
    void the_same_juror_or_nomination_twice_is_refused() {
        assertRefused("juror anne appears twice", () -> AssignmentProblem.of(List.of(ANNE, ANNE), List.of(N1)));
        assertRefused("nomination n1 appears twice", () -> AssignmentProblem.of(List.of(ANNE), List.of(N1, N1)));
    }

    @Test
    void a_kept_pair_naming_an_unknown_juror_or_nomination_is_refused() {
        assertRefused(
                "kept pair zoe × n1 names an unknown juror", () -> problem(Set.of(), Set.of(Pair.of("zoe", "n1"))));
        assertRefused(
                "kept pair anne × n7 names an unknown nomination",
                () -> problem(Set.of(), Set.of(Pair.of("anne", "n7"))));
    }

    @Test
    void a_forbidden_pair_naming_an_unknown_juror_or_nomination_is_refused() {
        assertRefused(
                "forbidden pair zoe × n1 names an unknown juror",
                () -> problem(Set.of(Pair.of("zoe", "n1")), Set.of()));
        assertRefused(
                "forbidden pair anne × n7 names an unknown nomination",
                () -> problem(Set.of(Pair.of("anne", "n7")), Set.of()));
    }

    @Test
    void a_kept_pair_that_a_conflict_forbids_is_refused() {
        Pair pair = Pair.of("anne", "n1");
        assertRefused("kept pair anne × n1 is also forbidden by a conflict", () -> problem(Set.of(pair), Set.of(pair)));
    }

    @Test
    void more_kept_pairs_than_the_juror_capacity_is_refused() {
        assertRefused(
                "juror bruno has 2 kept assignments but a capacity of 1",
                () -> problem(Set.of(), Set.of(Pair.of("bruno", "n1"), Pair.of("bruno", "n2"))));
    }

    @Test
    void more_kept_pairs_than_a_nomination_requires_is_accepted() {
        NominationNeed needsOne = new NominationNeed("n1", "SOC", "IDF", 1);
        AssignmentProblem problem = new AssignmentProblem(
                List.of(ANNE, BRUNO),
                List.of(needsOne),
                Set.of(),
                Set.of(Pair.of("anne", "n1"), Pair.of("bruno", "n1")),
                Weights.DEFAULT);
        assertEquals(2, problem.kept().size());
    }

    @Test
    void cost_of_a_pair_names_its_terms() {
        AssignmentProblem problem = problem(Set.of(), Set.of());
        assertEquals(new PairCost(0, 0), problem.costOf(Pair.of("anne", "n1")));
        assertEquals(new PairCost(10, 3), problem.costOf(Pair.of("anne", "n2")));
        assertEquals(new PairCost(10, 3), problem.costOf(Pair.of("bruno", "n1")));
        assertRefused("unknown juror zoe", () -> problem.costOf(Pair.of("zoe", "n1")));
    }

    @Test
    void an_unknown_region_is_shared_with_no_one() {
        JurorSlot nowhere = new JurorSlot("zoe", 1, null, Set.of("SOC"));
        NominationNeed alsoNowhere = new NominationNeed("n9", "SOC", null, 1);
        assertEquals(new PairCost(0, 0), Weights.DEFAULT.costOf(nowhere, alsoNowhere));
    }
}
