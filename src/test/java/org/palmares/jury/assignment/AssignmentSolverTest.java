package org.palmares.jury.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssignmentSolverTest {

    private static JurorSlot juror(String id, int capacity, String region, String... expertise) {
        return new JurorSlot(id, capacity, region, Set.of(expertise));
    }

    private static NominationNeed nomination(String id, String category, String region, int required) {
        return new NominationNeed(id, category, region, required);
    }

    private static List<NominationNeed> nominations(int count, String category, String region, int required) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> nomination(String.format("n%02d", n), category, region, required))
                .toList();
    }

    private static AssignmentPlan solve(
            List<JurorSlot> jurors, List<NominationNeed> nominations, Set<Pair> forbidden, Set<Pair> kept) {
        AssignmentPlan plan =
                AssignmentSolver.solve(new AssignmentProblem(jurors, nominations, forbidden, kept, Weights.DEFAULT));
        ReferenceChecks.assertRespectsTheRules(plan);
        return plan;
    }

    private static List<Pair> pairs(String... jurorThenNomination) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < jurorThenNomination.length; i += 2) {
            pairs.add(Pair.of(jurorThenNomination[i], jurorThenNomination[i + 1]));
        }
        return pairs;
    }

    // Hard rules

    @Test
    void a_conflicted_juror_is_never_assigned_even_when_cheapest() {
        List<JurorSlot> jurors = List.of(
                juror("anne", 5, "ARA", "SOC"), juror("bruno", 5, "IDF", "SOC"), juror("chloe", 5, "OCC", "SOC"));
        AssignmentPlan plan =
                solve(jurors, List.of(nomination("n1", "SOC", "IDF", 2)), Set.of(Pair.of("anne", "n1")), Set.of());

        assertEquals(pairs("bruno", "n1", "chloe", "n1"), plan.assignments());
    }

    @Test
    void a_juror_is_never_assigned_twice_to_one_nomination() {
        AssignmentPlan plan = solve(
                List.of(juror("anne", 5, "ARA", "SOC")),
                List.of(nomination("n1", "SOC", "IDF", 3)),
                Set.of(),
                Set.of());

        assertEquals(pairs("anne", "n1"), plan.assignments());
        Shortfall shortfall = plan.shortfalls().get(0);
        assertEquals(2, shortfall.missing());
        assertEquals(List.of(Shortfall.Reason.TOO_FEW_JURORS_WITHOUT_CONFLICT), shortfall.reasons());
    }

    @Test
    void a_juror_gets_no_more_dossiers_than_their_capacity() {
        List<JurorSlot> jurors = List.of(juror("anne", 2, "ARA", "SOC"), juror("bruno", 1, "ARA", "SOC"));
        AssignmentPlan plan = solve(jurors, nominations(5, "SOC", "IDF", 1), Set.of(), Set.of());

        assertEquals(Map.of("anne", 2, "bruno", 1), plan.loads());
        assertEquals(3, plan.assignments().size());
        assertEquals(2, plan.missingAssignments());
    }

    @Test
    void a_juror_with_capacity_zero_gets_nothing() {
        List<JurorSlot> jurors = List.of(juror("anne", 0, "ARA", "SOC"), juror("bruno", 3, "IDF", "MIX"));
        AssignmentPlan plan = solve(jurors, nominations(2, "SOC", "OCC", 1), Set.of(), Set.of());

        assertEquals(pairs("bruno", "n01", "bruno", "n02"), plan.assignments());
        assertEquals(0, plan.loads().get("anne"));
    }

    @Test
    void a_juror_in_conflict_with_every_nomination_gets_nothing() {
        List<JurorSlot> jurors = List.of(juror("anne", 5, "ARA", "SOC"), juror("bruno", 5, "IDF", "MIX"));
        List<NominationNeed> nominations = nominations(3, "SOC", "OCC", 1);
        Set<Pair> forbidden = new HashSet<>();
        nominations.forEach(nomination -> forbidden.add(Pair.of("anne", nomination.id())));

        AssignmentPlan plan = solve(jurors, nominations, forbidden, Set.of());

        assertEquals(0, plan.loads().get("anne"));
        assertEquals(3, plan.loads().get("bruno"));
        assertEquals(AssignmentPlan.Status.OPTIMAL, plan.status());
    }

    @Test
    void more_pairs_come_before_cheaper_pairs() {
        // Anne is cheapest on n1, but only she may take n2: giving her n1 would leave n2 without a juror.
        List<JurorSlot> jurors = List.of(juror("anne", 1, "ARA", "SOC"), juror("bruno", 1, "IDF", "MIX"));
        List<NominationNeed> nominations =
                List.of(nomination("n1", "SOC", "OCC", 1), nomination("n2", "SOC", "OCC", 1));
        AssignmentPlan plan = solve(jurors, nominations, Set.of(Pair.of("bruno", "n2")), Set.of());

        assertEquals(pairs("anne", "n2", "bruno", "n1"), plan.assignments());
        assertEquals(10, plan.objective());
    }

    // Kept pairs

    @Test
    void kept_pairs_stay_and_count_toward_the_required_jurors() {
        List<JurorSlot> jurors = List.of(
                juror("anne", 5, "IDF", "MIX"), juror("bruno", 5, "ARA", "SOC"), juror("chloe", 5, "ARA", "SOC"));
        Set<Pair> kept = Set.of(Pair.of("anne", "n1"));
        AssignmentPlan plan = solve(jurors, List.of(nomination("n1", "SOC", "IDF", 2)), Set.of(), kept);

        assertEquals(pairs("bruno", "n1"), plan.assignments());
        assertEquals(Set.of(Pair.of("anne", "n1"), Pair.of("bruno", "n1")), plan.allAssignments());
        // The kept pair is paid for in the objective even though it is costly: 10 + 3 for anne, 1 for bruno's place.
        assertEquals(new CostBreakdown(10, 3, 0), plan.cost());
    }

    @Test
    void kept_pairs_use_up_the_juror_capacity() {
        List<JurorSlot> jurors = List.of(juror("anne", 2, "ARA", "SOC"), juror("bruno", 5, "ARA", "MIX"));
        List<NominationNeed> nominations = nominations(3, "SOC", "IDF", 1);
        Set<Pair> kept = Set.of(Pair.of("anne", "n01"), Pair.of("anne", "n02"));

        AssignmentPlan plan = solve(jurors, nominations, Set.of(), kept);

        assertEquals(pairs("bruno", "n03"), plan.assignments());
        assertEquals(2, plan.loads().get("anne"));
    }

    @Test
    void kept_pairs_count_in_the_juror_balance() {
        List<JurorSlot> jurors = List.of(juror("anne", 5, "ARA", "SOC"), juror("bruno", 5, "ARA", "SOC"));
        List<NominationNeed> nominations = nominations(2, "SOC", "IDF", 1);
        Set<Pair> kept = Set.of(Pair.of("anne", "n01"));

        AssignmentPlan plan = solve(jurors, nominations, Set.of(), kept);

        // Anne's second dossier would cost 1; Bruno's first costs nothing.
        assertEquals(pairs("bruno", "n02"), plan.assignments());
        assertEquals(0, plan.objective());
    }

    @Test
    void a_nomination_with_more_kept_jurors_than_required_gets_no_more_and_is_not_short() {
        List<JurorSlot> jurors = List.of(juror("anne", 5, "ARA", "SOC"), juror("bruno", 5, "ARA", "SOC"));
        Set<Pair> kept = Set.of(Pair.of("anne", "n1"), Pair.of("bruno", "n1"));

        AssignmentPlan plan = solve(jurors, List.of(nomination("n1", "SOC", "IDF", 1)), Set.of(), kept);

        assertEquals(List.of(), plan.assignments());
        assertEquals(List.of(), plan.shortfalls());
    }

    @Test
    void a_second_run_with_the_first_run_kept_fills_only_the_gaps() {
        List<JurorSlot> jurors = List.of(
                juror("anne", 5, "ARA", "SOC"),
                juror("bruno", 5, "IDF", "SOC", "MIX"),
                juror("chloe", 5, "OCC", "MIX"));
        List<NominationNeed> first = nominations(4, "SOC", "ARA", 2);
        AssignmentPlan firstRun = solve(jurors, first, Set.of(), Set.of());

        List<NominationNeed> more = new ArrayList<>(first);
        more.add(nomination("n05", "MIX", "IDF", 2));
        AssignmentPlan secondRun = solve(jurors, more, Set.of(), firstRun.allAssignments());

        assertEquals(2, secondRun.assignments().size());
        assertTrue(secondRun.assignments().stream()
                .allMatch(pair -> pair.nominationId().equals("n05")));
        AssignmentPlan thirdRun = solve(jurors, more, Set.of(), secondRun.allAssignments());
        assertEquals(List.of(), thirdRun.assignments());
        assertEquals(secondRun.objective(), thirdRun.objective());
    }

    // Costs

    @Test
    void expertise_is_preferred_and_shared_regions_avoided() {
        List<JurorSlot> jurors = List.of(
                juror("anne", 1, "IDF", "SOC"), // expert, same région: 3
                juror("bruno", 1, "ARA", "MIX"), // not expert: 10
                juror("chloe", 1, "OCC", "SOC"), // expert elsewhere: 0
                juror("david", 1, "IDF", "MIX")); // both: 13
        AssignmentPlan plan = solve(jurors, List.of(nomination("n1", "SOC", "IDF", 3)), Set.of(), Set.of());

        assertEquals(pairs("anne", "n1", "bruno", "n1", "chloe", "n1"), plan.assignments());
        assertEquals(new CostBreakdown(10, 3, 0), plan.cost());
    }

    @Test
    void expertise_outweighs_balance_until_the_expert_is_ten_dossiers_ahead() {
        // Anne's k-th dossier costs k - 1; Bruno's m-th costs 10 + (m - 1). With 12 dossiers the best split is 11 and
        // 1: 55 + 10 = 65, against 66 for 12/0 and 10/2.
        List<JurorSlot> jurors = List.of(juror("anne", 20, "ARA", "SOC"), juror("bruno", 20, "OCC", "MIX"));
        AssignmentPlan plan = solve(jurors, nominations(12, "SOC", "IDF", 1), Set.of(), Set.of());

        assertEquals(Map.of("anne", 11, "bruno", 1), plan.loads());
        assertEquals(new CostBreakdown(10, 0, 55), plan.cost());
        assertEquals(65, plan.objective());
    }

    @Test
    void balance_spreads_equal_jurors_evenly() {
        List<JurorSlot> jurors = List.of(
                juror("anne", 10, "ARA", "SOC"), juror("bruno", 10, "ARA", "SOC"), juror("chloe", 10, "ARA", "SOC"));
        AssignmentPlan plan = solve(jurors, nominations(6, "SOC", "IDF", 2), Set.of(), Set.of());

        assertEquals(Map.of("anne", 4, "bruno", 4, "chloe", 4), plan.loads());
        assertEquals(3 * 6, plan.objective());
    }

    @Test
    void explain_gives_the_cost_terms_of_a_pair() {
        List<JurorSlot> jurors = List.of(juror("anne", 1, "IDF", "MIX"));
        AssignmentPlan plan = solve(jurors, List.of(nomination("n1", "SOC", "IDF", 1)), Set.of(), Set.of());

        PairCost cost = plan.explain(Pair.of("anne", "n1"));
        assertEquals(10, cost.missingExpertise());
        assertEquals(3, cost.sameRegion());
        assertEquals(13, cost.total());
    }

    // Shortfalls

    @Test
    void too_few_jurors_without_conflict_are_reported_with_their_number() {
        List<JurorSlot> jurors = List.of(
                juror("anne", 5, "ARA", "SOC"), juror("bruno", 5, "ARA", "SOC"), juror("chloe", 5, "ARA", "SOC"));
        AssignmentPlan plan =
                solve(jurors, List.of(nomination("n1", "SOC", "IDF", 3)), Set.of(Pair.of("chloe", "n1")), Set.of());

        assertEquals(AssignmentPlan.Status.INFEASIBLE, plan.status());
        assertEquals(List.of(new Shortfall("n1", 3, 2, 2, 0)), plan.shortfalls());
        Shortfall shortfall = plan.shortfalls().get(0);
        assertEquals(1, shortfall.missingBecauseOfConflicts());
        assertEquals(0, shortfall.missingBecauseOfCapacity());
        assertEquals("n1 has 2 of 3 jurors, 1 missing: only 2 jurors without conflict", shortfall.describe());
    }

    @Test
    void exhausted_capacity_is_reported_with_the_full_jurors() {
        List<JurorSlot> jurors = List.of(juror("anne", 1, "ARA", "SOC"), juror("bruno", 1, "ARA", "SOC"));
        AssignmentPlan plan = solve(jurors, nominations(2, "SOC", "IDF", 2), Set.of(), Set.of());

        assertEquals(2, plan.assignments().size());
        assertEquals(2, plan.missingAssignments());
        for (Shortfall shortfall : plan.shortfalls()) {
            assertEquals(List.of(Shortfall.Reason.CAPACITY_EXHAUSTED), shortfall.reasons());
            assertEquals(shortfall.missing(), shortfall.missingBecauseOfCapacity());
            assertEquals(shortfall.jurorsWithoutConflict() - shortfall.assigned(), shortfall.jurorsFull());
            assertTrue(shortfall.describe().contains("capacity exhausted"), shortfall.describe());
        }
    }

    @Test
    void conflicts_and_capacity_can_both_explain_one_shortfall() {
        // n1 needs 3 jurors; only anne and bruno are free of conflict, and bruno is full with his locked n2.
        List<JurorSlot> jurors = List.of(
                juror("anne", 5, "ARA", "SOC"), juror("bruno", 1, "ARA", "SOC"), juror("chloe", 5, "ARA", "SOC"));
        List<NominationNeed> nominations =
                List.of(nomination("n1", "SOC", "IDF", 3), nomination("n2", "SOC", "IDF", 1));

        AssignmentPlan plan =
                solve(jurors, nominations, Set.of(Pair.of("chloe", "n1")), Set.of(Pair.of("bruno", "n2")));

        assertEquals(List.of(new Shortfall("n1", 3, 1, 2, 1)), plan.shortfalls());
        Shortfall shortfall = plan.shortfalls().get(0);
        assertEquals(
                List.of(Shortfall.Reason.TOO_FEW_JURORS_WITHOUT_CONFLICT, Shortfall.Reason.CAPACITY_EXHAUSTED),
                shortfall.reasons());
        assertEquals(
                "n1 has 1 of 3 jurors, 2 missing: only 2 jurors without conflict;"
                        + " capacity exhausted: 1 juror without conflict is already full",
                shortfall.describe());
    }

    @Test
    void a_short_plan_still_makes_every_assignment_it_can_at_least_cost() {
        RandomProblems problems = new RandomProblems(99L);
        int shortPlans = 0;
        for (int instance = 0; instance < 100; instance++) {
            AssignmentPlan plan = AssignmentSolver.solve(problems.next(4, 4, 2, 2));
            if (plan.status() == AssignmentPlan.Status.INFEASIBLE) {
                shortPlans++;
                ReferenceChecks.assertRespectsTheRules(plan);
                ReferenceChecks.assertOptimalByCertificate(plan);
                for (Shortfall shortfall : plan.shortfalls()) {
                    assertTrue(shortfall.missing() > 0);
                    assertFalse(shortfall.reasons().isEmpty());
                    // Had a juror free of conflict had room, one more pair would have fit.
                    assertEquals(shortfall.jurorsWithoutConflict() - shortfall.assigned(), shortfall.jurorsFull());
                }
            }
        }
        assertTrue(shortPlans > 10, "the sample should hold short plans, had " + shortPlans);
    }

    // Determinism

    @Test
    void the_same_problem_gives_the_same_plan() {
        AssignmentProblem problem = AssignmentOptimalityTest.large(30, 80, 3, 9, new Random(5L));
        assertEquals(AssignmentSolver.solve(problem), AssignmentSolver.solve(problem));
    }

    @Test
    void the_order_of_the_input_does_not_change_the_plan() {
        AssignmentProblem problem = AssignmentOptimalityTest.large(30, 80, 3, 9, new Random(5L));
        Random random = new Random(11L);
        List<JurorSlot> jurors = new ArrayList<>(problem.jurors());
        List<NominationNeed> nominations = new ArrayList<>(problem.nominations());
        List<Pair> forbidden = new ArrayList<>(problem.forbidden());
        Collections.shuffle(jurors, random);
        Collections.shuffle(nominations, random);
        Collections.shuffle(forbidden, random);
        AssignmentProblem shuffled =
                new AssignmentProblem(jurors, nominations, new LinkedHashSet<>(forbidden), Set.of(), problem.weights());

        AssignmentPlan plan = AssignmentSolver.solve(problem);
        AssignmentPlan shuffledPlan = AssignmentSolver.solve(shuffled);

        assertEquals(plan.assignments(), shuffledPlan.assignments());
        assertEquals(plan.cost(), shuffledPlan.cost());
        assertEquals(plan.loads(), shuffledPlan.loads());
        assertEquals(plan.shortfalls(), shuffledPlan.shortfalls());
    }

    @Test
    void ties_go_to_the_lower_juror_id() {
        List<JurorSlot> jurors = List.of(juror("bruno", 1, "ARA", "SOC"), juror("anne", 1, "ARA", "SOC"));
        AssignmentPlan plan = solve(jurors, List.of(nomination("n1", "SOC", "IDF", 1)), Set.of(), Set.of());

        assertEquals(pairs("anne", "n1"), plan.assignments());
    }

    @Test
    void an_empty_problem_gives_an_empty_optimal_plan() {
        AssignmentPlan plan = AssignmentSolver.solve(AssignmentProblem.of(List.of(), List.of()));

        assertEquals(AssignmentPlan.Status.OPTIMAL, plan.status());
        assertEquals(List.of(), plan.assignments());
        assertEquals(0, plan.objective());
    }
}
