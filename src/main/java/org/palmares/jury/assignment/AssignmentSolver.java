package org.palmares.jury.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns jurors to nominations at minimum cost, or, when the rules cannot all be met, makes the largest number of
 * assignments at minimum cost and says which nominations fall short and why.
 *
 * <p>The problem is a minimum-cost flow. The source sends each nomination the jurors it still lacks ({@code required}
 * minus its kept pairs); each nomination sends one unit to each juror it may get (no conflict, not already kept) at
 * the pair's cost; each juror sends to the sink through a chain of unit arcs, one per free place, the k-th costing
 * {@code balance × (k − 1)} from {@code k = kept + 1} on. That balance cost is convex in the load, so the cheapest
 * free arc is always the next dossier's and the chain prices the load exactly. A minimum-cost maximum flow is then an
 * assignment with the most pairs and, among those, the least objective.
 *
 * <p>Jurors and nominations are numbered in the order of their ids before the network is built, so the result does not
 * depend on the order of the input lists, and ties go to the lower ids.
 */
public final class AssignmentSolver {
    private AssignmentSolver() {}

    public static AssignmentPlan solve(AssignmentProblem problem) {
        return new Run(problem).solve();
    }

    /** One problem with jurors and nominations numbered in the order of their ids, and the network built from it. */
    private static final class Run {
        private final AssignmentProblem problem;
        private final Weights weights;
        private final List<JurorSlot> jurors;
        private final List<NominationNeed> nominations;
        private final Map<String, Integer> jurorNumber;
        private final Map<String, Integer> nominationNumber;
        private final int[] keptOfJuror;
        private final List<List<Integer>> forbiddenJurorsOf;
        private final List<List<Integer>> keptJurorsOf;
        // Codes as small integers, because the pair cost is computed for every arc, possibly millions of times.
        private final boolean[][] jurorIsExpertInCategory;
        private final int[] jurorRegion;
        private final int[] nominationCategory;
        private final int[] nominationRegion;

        Run(AssignmentProblem problem) {
            this.problem = problem;
            this.weights = problem.weights();
            this.jurors = problem.jurors().stream()
                    .sorted(Comparator.comparing(JurorSlot::id))
                    .toList();
            this.nominations = problem.nominations().stream()
                    .sorted(Comparator.comparing(NominationNeed::id))
                    .toList();
            jurorNumber = numbers(jurors.stream().map(JurorSlot::id).toList());
            nominationNumber =
                    numbers(nominations.stream().map(NominationNeed::id).toList());

            keptOfJuror = new int[jurors.size()];
            forbiddenJurorsOf = emptyLists(nominations.size());
            keptJurorsOf = emptyLists(nominations.size());
            for (Pair pair : problem.forbidden()) {
                forbiddenJurorsOf.get(nominationOf(pair)).add(jurorOf(pair));
            }
            for (Pair pair : problem.kept()) {
                keptJurorsOf.get(nominationOf(pair)).add(jurorOf(pair));
                keptOfJuror[jurorOf(pair)]++;
            }

            Map<String, Integer> categoryNumber = new HashMap<>();
            Map<String, Integer> regionNumber = new HashMap<>();
            nominationCategory = new int[nominations.size()];
            nominationRegion = new int[nominations.size()];
            for (int n = 0; n < nominations.size(); n++) {
                NominationNeed nomination = nominations.get(n);
                nominationCategory[n] =
                        categoryNumber.computeIfAbsent(nomination.categoryCode(), code -> categoryNumber.size());
                nominationRegion[n] = regionOf(nomination.territoryRegion(), regionNumber);
            }
            jurorRegion = new int[jurors.size()];
            jurorIsExpertInCategory = new boolean[jurors.size()][categoryNumber.size()];
            for (int j = 0; j < jurors.size(); j++) {
                JurorSlot juror = jurors.get(j);
                jurorRegion[j] = regionOf(juror.region(), regionNumber);
                for (Map.Entry<String, Integer> category : categoryNumber.entrySet()) {
                    jurorIsExpertInCategory[j][category.getValue()] = juror.isExpertIn(category.getKey());
                }
            }
        }

        AssignmentPlan solve() {
            int nominationCount = nominations.size();
            int jurorCount = jurors.size();
            int source = 0;
            int sink = nominationCount + jurorCount + 1;
            int[] lacking = new int[nominationCount];
            int nominationsLacking = 0;
            for (int n = 0; n < nominationCount; n++) {
                lacking[n] = Math.max(
                        0, nominations.get(n).required() - keptJurorsOf.get(n).size());
                nominationsLacking += lacking[n] > 0 ? 1 : 0;
            }
            // Sized for the worst case up front: the pair arcs can number in the millions, and growing arrays that
            // large means copying them again and again.
            long arcsAtMost = nominationsLacking;
            for (int j = 0; j < jurorCount; j++) {
                int room = jurors.get(j).capacity() - keptOfJuror[j];
                if (room > 0) {
                    arcsAtMost += nominationsLacking + Math.min(room, nominationsLacking);
                }
            }
            FlowNetwork network = new FlowNetwork(sink + 1, (int) Math.min(Integer.MAX_VALUE - 8, arcsAtMost));

            for (int n = 0; n < nominationCount; n++) {
                if (lacking[n] > 0) {
                    network.addArc(source, nominationNode(n), lacking[n], 0);
                }
            }

            int firstPairArc = network.arcCount();
            int[] candidatesOfJuror = new int[jurorCount];
            boolean[] excluded = new boolean[jurorCount];
            for (int n = 0; n < nominationCount; n++) {
                if (lacking[n] == 0) {
                    continue;
                }
                mark(excluded, forbiddenJurorsOf.get(n), true);
                mark(excluded, keptJurorsOf.get(n), true);
                for (int j = 0; j < jurorCount; j++) {
                    if (!excluded[j] && jurors.get(j).capacity() > keptOfJuror[j]) {
                        network.addArc(nominationNode(n), jurorNode(j), 1, pairCost(j, n));
                        candidatesOfJuror[j]++;
                    }
                }
                mark(excluded, forbiddenJurorsOf.get(n), false);
                mark(excluded, keptJurorsOf.get(n), false);
            }
            int endPairArc = network.arcCount();

            for (int j = 0; j < jurorCount; j++) {
                // Places beyond the nominations a juror could take would never carry flow; capping them also keeps a
                // huge capacity from building a huge chain.
                int places = Math.min(jurors.get(j).capacity() - keptOfJuror[j], candidatesOfJuror[j]);
                for (int place = 1; place <= places; place++) {
                    network.addArc(jurorNode(j), sink, 1, weights.balanceOfDossier(keptOfJuror[j] + place));
                }
            }

            network.minCostMaxFlow(source, sink);

            List<Pair> assignments = new ArrayList<>();
            List<List<Integer>> jurorsOf = emptyLists(nominationCount);
            for (int n = 0; n < nominationCount; n++) {
                jurorsOf.get(n).addAll(keptJurorsOf.get(n));
            }
            int[] load = keptOfJuror.clone();
            for (int arc = firstPairArc; arc < endPairArc; arc++) {
                if (network.flow(arc) > 0) {
                    int n = network.from(arc) - nominationNode(0);
                    int j = network.to(arc) - jurorNode(0);
                    assignments.add(
                            Pair.of(jurors.get(j).id(), nominations.get(n).id()));
                    jurorsOf.get(n).add(j);
                    load[j]++;
                }
            }
            assignments.sort(null);

            Map<String, Integer> loads = new HashMap<>();
            for (int j = 0; j < jurorCount; j++) {
                loads.put(jurors.get(j).id(), load[j]);
            }
            return new AssignmentPlan(problem, assignments, costOf(jurorsOf, load), loads, shortfalls(jurorsOf, load));
        }

        private boolean missesExpertise(int j, int n) {
            return !jurorIsExpertInCategory[j][nominationCategory[n]];
        }

        private boolean sharesRegion(int j, int n) {
            return jurorRegion[j] >= 0 && jurorRegion[j] == nominationRegion[n];
        }

        private long pairCost(int j, int n) {
            return (missesExpertise(j, n) ? weights.missingExpertise() : 0)
                    + (sharesRegion(j, n) ? weights.sameRegion() : 0);
        }

        private CostBreakdown costOf(List<List<Integer>> jurorsOf, int[] load) {
            long missingExpertise = 0;
            long sameRegion = 0;
            for (int n = 0; n < jurorsOf.size(); n++) {
                for (int j : jurorsOf.get(n)) {
                    missingExpertise += missesExpertise(j, n) ? weights.missingExpertise() : 0;
                    sameRegion += sharesRegion(j, n) ? weights.sameRegion() : 0;
                }
            }
            long balance = 0;
            for (int jurorLoad : load) {
                balance += weights.balanceOfLoad(jurorLoad);
            }
            return new CostBreakdown(missingExpertise, sameRegion, balance);
        }

        private List<Shortfall> shortfalls(List<List<Integer>> jurorsOf, int[] load) {
            List<Shortfall> shortfalls = new ArrayList<>();
            boolean[] unavailable = new boolean[jurors.size()];
            for (int n = 0; n < nominations.size(); n++) {
                NominationNeed nomination = nominations.get(n);
                int assigned = jurorsOf.get(n).size();
                if (assigned >= nomination.required()) {
                    continue;
                }
                mark(unavailable, forbiddenJurorsOf.get(n), true);
                mark(unavailable, jurorsOf.get(n), true);
                int full = 0;
                for (int j = 0; j < jurors.size(); j++) {
                    if (!unavailable[j] && load[j] >= jurors.get(j).capacity()) {
                        full++;
                    }
                }
                mark(unavailable, forbiddenJurorsOf.get(n), false);
                mark(unavailable, jurorsOf.get(n), false);
                int withoutConflict = jurors.size() - forbiddenJurorsOf.get(n).size();
                shortfalls.add(new Shortfall(nomination.id(), nomination.required(), assigned, withoutConflict, full));
            }
            return shortfalls;
        }

        private int jurorOf(Pair pair) {
            return jurorNumber.get(pair.jurorId());
        }

        private int nominationOf(Pair pair) {
            return nominationNumber.get(pair.nominationId());
        }

        private static int nominationNode(int n) {
            return 1 + n;
        }

        private int jurorNode(int j) {
            return 1 + nominations.size() + j;
        }

        private static void mark(boolean[] marks, List<Integer> jurorNumbers, boolean value) {
            for (int j : jurorNumbers) {
                marks[j] = value;
            }
        }

        private static List<List<Integer>> emptyLists(int count) {
            List<List<Integer>> lists = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                lists.add(new ArrayList<>());
            }
            return lists;
        }

        private static Map<String, Integer> numbers(List<String> ids) {
            Map<String, Integer> numbers = new HashMap<>();
            for (String id : ids) {
                numbers.put(id, numbers.size());
            }
            return numbers;
        }

        // An unknown région is numbered -1, which matches nothing, not even another unknown one.
        private static int regionOf(String region, Map<String, Integer> regionNumber) {
            return region == null ? -1 : regionNumber.computeIfAbsent(region, code -> regionNumber.size());
        }
    }
}
