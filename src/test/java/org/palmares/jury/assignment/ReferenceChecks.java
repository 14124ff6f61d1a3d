package org.palmares.jury.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tests hold a plan to, written from the rules and not from the solver: the hard rules, the objective, an
 * exhaustive search, and a certificate of optimality for the flow model.
 */
final class ReferenceChecks {
    private ReferenceChecks() {}

    /** The best reachable: the most assigned pairs, then the least objective. */
    record Optimum(int assigned, long objective) {}

    /** Asserts every hard rule, and that the plan's own figures agree with the assignment it holds. */
    static void assertRespectsTheRules(AssignmentPlan plan) {
        AssignmentProblem problem = plan.problem();
        Set<Pair> added = new HashSet<>(plan.assignments());
        assertEquals(plan.assignments().size(), added.size(), "a pair is assigned twice");
        for (Pair pair : added) {
            assertFalse(problem.forbidden().contains(pair), "conflicted pair assigned: " + pair);
            assertFalse(problem.kept().contains(pair), "kept pair assigned again: " + pair);
            assertTrue(problem.findJuror(pair.jurorId()).isPresent(), "unknown juror in " + pair);
            assertTrue(problem.findNomination(pair.nominationId()).isPresent(), "unknown nomination in " + pair);
        }
        assertTrue(plan.allAssignments().containsAll(problem.kept()), "a kept pair was dropped");

        Map<String, Integer> loads = loads(problem, plan.allAssignments());
        for (JurorSlot juror : problem.jurors()) {
            assertTrue(loads.get(juror.id()) <= juror.capacity(), "juror over capacity: " + juror.id());
        }
        assertEquals(loads, plan.loads());
        for (NominationNeed nomination : problem.nominations()) {
            long keptOn = problem.kept().stream()
                    .filter(p -> p.nominationId().equals(nomination.id()))
                    .count();
            long addedOn = added.stream()
                    .filter(p -> p.nominationId().equals(nomination.id()))
                    .count();
            assertTrue(addedOn <= Math.max(0, nomination.required() - keptOn), "too many jurors on " + nomination.id());
        }
        assertEquals(objective(problem, plan.allAssignments()), plan.objective());
        assertEquals(plan.objective(), plan.cost().total());
    }

    static Map<String, Integer> loads(AssignmentProblem problem, Collection<Pair> pairs) {
        Map<String, Integer> loads = new HashMap<>();
        problem.jurors().forEach(juror -> loads.put(juror.id(), 0));
        pairs.forEach(pair -> loads.merge(pair.jurorId(), 1, Integer::sum));
        return loads;
    }

    /** The objective as the rules state it, over a whole assignment. */
    static long objective(AssignmentProblem problem, Collection<Pair> pairs) {
        Weights weights = problem.weights();
        long total = 0;
        for (Pair pair : pairs) {
            total += pairCost(problem, pair);
        }
        for (int load : loads(problem, pairs).values()) {
            for (int k = 1; k <= load; k++) {
                total += (long) weights.balance() * (k - 1);
            }
        }
        return total;
    }

    static long pairCost(AssignmentProblem problem, Pair pair) {
        JurorSlot juror = problem.findJuror(pair.jurorId()).orElseThrow();
        NominationNeed nomination = problem.findNomination(pair.nominationId()).orElseThrow();
        long cost = 0;
        if (!juror.expertise().contains(nomination.categoryCode())) {
            cost += problem.weights().missingExpertise();
        }
        if (juror.region() != null && juror.region().equals(nomination.territoryRegion())) {
            cost += problem.weights().sameRegion();
        }
        return cost;
    }

    /** Tries every set of new pairs the hard rules allow; small problems only. */
    static Optimum exhaustiveOptimum(AssignmentProblem problem) {
        List<Pair> candidates = new ArrayList<>();
        for (JurorSlot juror : problem.jurors()) {
            for (NominationNeed nomination : problem.nominations()) {
                Pair pair = Pair.of(juror.id(), nomination.id());
                if (!problem.forbidden().contains(pair) && !problem.kept().contains(pair)) {
                    candidates.add(pair);
                }
            }
        }
        Map<String, Integer> load = loads(problem, problem.kept());
        Map<String, Integer> onNomination = new HashMap<>();
        problem.nominations().forEach(nomination -> onNomination.put(nomination.id(), 0));
        problem.kept().forEach(pair -> onNomination.merge(pair.nominationId(), 1, Integer::sum));
        Optimum[] best = {null};
        search(problem, candidates, 0, new ArrayList<>(problem.kept()), load, onNomination, best);
        return best[0];
    }

    private static void search(
            AssignmentProblem problem,
            List<Pair> candidates,
            int index,
            List<Pair> chosen,
            Map<String, Integer> load,
            Map<String, Integer> onNomination,
            Optimum[] best) {
        if (index == candidates.size()) {
            Optimum found = new Optimum(chosen.size() - problem.kept().size(), objective(problem, chosen));
            if (best[0] == null
                    || found.assigned() > best[0].assigned()
                    || (found.assigned() == best[0].assigned() && found.objective() < best[0].objective())) {
                best[0] = found;
            }
            return;
        }
        Pair pair = candidates.get(index);
        JurorSlot juror = problem.findJuror(pair.jurorId()).orElseThrow();
        NominationNeed nomination = problem.findNomination(pair.nominationId()).orElseThrow();
        if (load.get(juror.id()) < juror.capacity() && onNomination.get(nomination.id()) < nomination.required()) {
            chosen.add(pair);
            load.merge(juror.id(), 1, Integer::sum);
            onNomination.merge(nomination.id(), 1, Integer::sum);
            search(problem, candidates, index + 1, chosen, load, onNomination, best);
            chosen.remove(chosen.size() - 1);
            load.merge(juror.id(), -1, Integer::sum);
            onNomination.merge(nomination.id(), -1, Integer::sum);
        }
        search(problem, candidates, index + 1, chosen, load, onNomination, best);
    }

    /**
     * Asserts that the plan is a minimum-cost maximum flow of the model, by the classic certificate: its residual
     * network has no augmenting path (so no more pairs fit) and no negative cycle (so no cheaper way to place as many).
     * Bellman-Ford on an explicit residual graph, independent of the solver's network.
     */
    static void assertOptimalByCertificate(AssignmentPlan plan) {
        AssignmentProblem problem = plan.problem();
        List<String> jurorIds = problem.jurors().stream().map(JurorSlot::id).toList();
        List<String> nominationIds =
                problem.nominations().stream().map(NominationNeed::id).toList();
        int source = 0;
        int sink = 1 + nominationIds.size() + jurorIds.size();
        List<long[]> arcs = new ArrayList<>(); // {from, to, cost}, residual arcs only
        Set<Pair> added = new HashSet<>(plan.assignments());
        Map<String, Integer> load = plan.loads();
        for (int n = 0; n < nominationIds.size(); n++) {
            NominationNeed nomination = problem.nominations().get(n);
            long keptOn = problem.kept().stream()
                    .filter(p -> p.nominationId().equals(nomination.id()))
                    .count();
            long addedOn = added.stream()
                    .filter(p -> p.nominationId().equals(nomination.id()))
                    .count();
            long lacking = Math.max(0, nomination.required() - keptOn);
            if (addedOn < lacking) {
                arcs.add(new long[] {source, 1 + n, 0});
            }
            if (addedOn > 0) {
                arcs.add(new long[] {1 + n, source, 0});
            }
            for (int j = 0; j < jurorIds.size(); j++) {
                Pair pair = Pair.of(jurorIds.get(j), nomination.id());
                if (problem.forbidden().contains(pair) || problem.kept().contains(pair)) {
                    continue;
                }
                long cost = pairCost(problem, pair);
                int jurorNode = 1 + nominationIds.size() + j;
                if (added.contains(pair)) {
                    arcs.add(new long[] {jurorNode, 1 + n, -cost});
                } else {
                    arcs.add(new long[] {1 + n, jurorNode, cost});
                }
            }
        }
        for (int j = 0; j < jurorIds.size(); j++) {
            JurorSlot juror = problem.jurors().get(j);
            int kept = (int) problem.kept().stream()
                    .filter(p -> p.jurorId().equals(juror.id()))
                    .count();
            int jurorNode = 1 + nominationIds.size() + j;
            // The k-th dossier's unit arc; a flow of a given value fills the cheapest ones, so the first load ones.
            for (int k = kept + 1; k <= juror.capacity(); k++) {
                long cost = (long) problem.weights().balance() * (k - 1);
                if (k <= load.get(juror.id())) {
                    arcs.add(new long[] {sink, jurorNode, -cost});
                } else {
                    arcs.add(new long[] {jurorNode, sink, cost});
                }
            }
        }
        int nodeCount = sink + 1;
        assertFalse(reaches(arcs, nodeCount, source, sink), "an augmenting path remains: more pairs would fit");
        assertFalse(hasNegativeCycle(arcs, nodeCount), "a negative cycle remains: the same pairs could cost less");
    }

    private static boolean reaches(List<long[]> arcs, int nodeCount, int from, int to) {
        boolean[] seen = new boolean[nodeCount];
        seen[from] = true;
        for (boolean grew = true; grew; ) {
            grew = false;
            for (long[] arc : arcs) {
                if (seen[(int) arc[0]] && !seen[(int) arc[1]]) {
                    seen[(int) arc[1]] = true;
                    grew = true;
                }
            }
        }
        return seen[to];
    }

    private static boolean hasNegativeCycle(List<long[]> arcs, int nodeCount) {
        long[] distance = new long[nodeCount]; // all zero: a virtual source reaching every node
        for (int round = 0; round < nodeCount; round++) {
            boolean relaxed = false;
            for (long[] arc : arcs) {
                if (distance[(int) arc[0]] + arc[2] < distance[(int) arc[1]]) {
                    distance[(int) arc[1]] = distance[(int) arc[0]] + arc[2];
                    relaxed = true;
                }
            }
            if (!relaxed) {
                return false;
            }
        }
        return true;
    }
}
