package org.palmares.jury.assignment;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The solver's answer: the new pairs to create, the objective of the whole assignment they complete, each juror's load
 * and, when the rules cannot all be met, which nominations fall short and why.
 *
 * <p>When a nomination falls short the plan still holds the largest number of assignments the rules allow, at the
 * lowest cost among those; saving it or not is the caller's decision.
 *
 * @param assignments the new pairs only, sorted by juror then nomination; the kept ones are in the problem
 * @param cost the objective of kept and new pairs together
 * @param loads dossiers per juror, kept ones included, by juror id
 */
public record AssignmentPlan(
        AssignmentProblem problem,
        List<Pair> assignments,
        CostBreakdown cost,
        Map<String, Integer> loads,
        List<Shortfall> shortfalls) {

    public enum Status {
        /** Every nomination reaches its required number of jurors, at minimum cost. */
        OPTIMAL,
        /** Some nomination cannot: see {@link AssignmentPlan#shortfalls()}. */
        INFEASIBLE
    }

    public AssignmentPlan {
        Objects.requireNonNull(problem, "problem");
        assignments = List.copyOf(assignments);
        Objects.requireNonNull(cost, "cost");
        // Sorted so that the loads read the same way on every run.
        loads = Collections.unmodifiableSortedMap(new TreeMap<>(loads));
        shortfalls = List.copyOf(shortfalls);
    }

    public Status status() {
        return shortfalls.isEmpty() ? Status.OPTIMAL : Status.INFEASIBLE;
    }

    public long objective() {
        return cost.total();
    }

    /** Kept and new pairs together: what the nominations' jurors will be once the plan is saved. */
    public SortedSet<Pair> allAssignments() {
        SortedSet<Pair> all = new TreeSet<>(problem.kept());
        all.addAll(assignments);
        return all;
    }

    /** The jurors still missing over all nominations. */
    public int missingAssignments() {
        return shortfalls.stream().mapToInt(Shortfall::missing).sum();
    }

    /** The cost terms of one pair, so the page can say why a juror is, or is not, on a nomination. */
    public PairCost explain(Pair pair) {
        return problem.costOf(pair);
    }
}
