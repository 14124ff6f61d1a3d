package org.palmares.jury.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentOptimalityTest {

    @Test
    void solver_matches_exhaustive_search_on_300_small_random_problems() {
        RandomProblems problems = new RandomProblems(20190314L);
        for (int instance = 0; instance < 300; instance++) {
            AssignmentProblem problem = problems.next(4, 4, 2, 3);
            AssignmentPlan plan = AssignmentSolver.solve(problem);

            ReferenceChecks.assertRespectsTheRules(plan);
            ReferenceChecks.Optimum optimum = ReferenceChecks.exhaustiveOptimum(problem);
            String label = "instance " + instance + ": " + problem;
            assertEquals(optimum.assigned(), plan.assignments().size(), "most pairs, " + label);
            assertEquals(optimum.objective(), plan.objective(), "least objective, " + label);
        }
    }

    @Test
    void medium_random_problems_carry_a_certificate_of_optimality() {
        RandomProblems problems = new RandomProblems(7L);
        for (int instance = 0; instance < 60; instance++) {
            AssignmentPlan plan = AssignmentSolver.solve(problems.next(25, 50, 4, 8));
            ReferenceChecks.assertRespectsTheRules(plan);
            ReferenceChecks.assertOptimalByCertificate(plan);
        }
    }

    @Test
    void sixty_jurors_cover_two_hundred_nominations_three_times_optimally() {
        AssignmentProblem problem = large(60, 200, 3, 12, new Random(2019L));

        long started = System.nanoTime();
        AssignmentPlan plan = AssignmentSolver.solve(problem);
        long elapsed = System.nanoTime() - started;
        System.out.printf(
                "60 jurors × 200 nominations × R=3: %s, %d pairs, objective %d (%s), solved in %.1f ms%n",
                plan.status(), plan.assignments().size(), plan.objective(), plan.cost(), elapsed / 1e6);

        assertEquals(AssignmentPlan.Status.OPTIMAL, plan.status());
        assertEquals(600, plan.assignments().size());
        ReferenceChecks.assertRespectsTheRules(plan);
        ReferenceChecks.assertOptimalByCertificate(plan);
    }

    /**
     * Realistic shape: six categories, thirteen régions, one to three expertises, capacities within 3 of the given
     * mean, about 2 % conflicts.
     */
    static AssignmentProblem large(int jurorCount, int nominationCount, int required, int capacity, Random random) {
        List<String> categories = List.of("SOC", "MIX", "ENV", "INN", "PAR", "JEU");
        List<String> regions =
                List.of("ARA", "BFC", "BRE", "CVL", "COR", "GES", "HDF", "IDF", "NOR", "NAQ", "OCC", "PDL", "PAC");
        List<JurorSlot> jurors = new ArrayList<>();
        for (int j = 0; j < jurorCount; j++) {
            Set<String> expertise = new HashSet<>();
            int expertises = 1 + random.nextInt(3);
            while (expertise.size() < expertises) {
                expertise.add(categories.get(random.nextInt(categories.size())));
            }
            jurors.add(new JurorSlot(
                    String.format("j%03d", j),
                    capacity - 3 + random.nextInt(7),
                    regions.get(random.nextInt(regions.size())),
                    expertise));
        }
        List<NominationNeed> nominations = new ArrayList<>();
        for (int n = 0; n < nominationCount; n++) {
            nominations.add(new NominationNeed(
                    String.format("n%03d", n),
                    categories.get(random.nextInt(categories.size())),
                    regions.get(random.nextInt(regions.size())),
                    required));
        }
        Set<Pair> forbidden = new HashSet<>();
        for (JurorSlot juror : jurors) {
            for (NominationNeed nomination : nominations) {
                if (random.nextInt(50) == 0) {
                    forbidden.add(Pair.of(juror.id(), nomination.id()));
                }
            }
        }
        return new AssignmentProblem(jurors, nominations, forbidden, Set.of(), Weights.DEFAULT);
    }
}
