package org.palmares.jury.assignment;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The solver's benchmark (run by {@code scripts/bench-assign.sh}, not a timed test): seeded random editions of the
 * issue's two sizes, each solved after warm-up runs, with the wall time, objective and heap of each.
 *
 * <pre>
 *   AssignmentBenchmark                                   both sizes
 *   AssignmentBenchmark NOMINATIONS JURORS [RUNS]          one size
 *   AssignmentBenchmark --write FILE NOMINATIONS JURORS    writes that instance for scripts/assign.sh
 * </pre>
 */
public final class AssignmentBenchmark {
    static final long SEED = 20190614L;
    static final int REVIEWS = 3;
    static final double CONFLICT_RATE = 0.02;

    private static final List<String> CATEGORIES = List.of("SOC", "MIX", "ENV", "INC", "ECO", "JEU", "SEN", "HAN");
    // Nominations crowd into a few categories while expertise is spread evenly, so that experts run short where it
    // matters and the solver must trade expertise against balance, as in a real edition.
    private static final double[] CATEGORY_SHARES = {0.30, 0.20, 0.15, 0.10, 0.10, 0.05, 0.05, 0.05};
    private static final List<String> REGIONS =
            List.of("ARA", "BFC", "BRE", "CVL", "COR", "GES", "HDF", "IDF", "NOR", "NAQ", "OCC", "PDL", "PAC");

    private AssignmentBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("--write")) {
            write(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 0) {
            measure(2_000, 300, 2, 7);
            measure(10_000, 1_000, 1, 3);
        } else if (args.length == 2 || args.length == 3) {
            measure(
                    Integer.parseInt(args[0]),
                    Integer.parseInt(args[1]),
                    1,
                    args.length == 3 ? Integer.parseInt(args[2]) : 3);
        } else {
            System.err.println(
                    "usage: AssignmentBenchmark [NOMINATIONS JURORS [RUNS]] | --write FILE NOMINATIONS JURORS");
            System.exit(2);
        }
    }

    /**
     * A random edition with {@value #REVIEWS} reviews per nomination, about {@value #CONFLICT_RATE} of pairs in
     * conflict, nominations in eight categories of uneven size, jurors expert in one or two of them, everyone from
     * thirteen régions (a tenth unknown), and capacities between 1 and 1.5 times the average load needed, so that it is
     * feasible with some room.
     */
    static AssignmentInstance edition(int nominationCount, int jurorCount, long seed) {
        Random random = new Random(seed);
        double averageLoad = (double) REVIEWS * nominationCount / jurorCount;
        List<JurorSlot> jurors = new ArrayList<>(jurorCount);
        for (int j = 0; j < jurorCount; j++) {
            int capacity = (int) Math.ceil(averageLoad * (1 + 0.5 * random.nextDouble()));
            Set<String> expertise = new LinkedHashSet<>();
            int expertiseCount = 1 + random.nextInt(2);
            while (expertise.size() < expertiseCount) {
                expertise.add(CATEGORIES.get(random.nextInt(CATEGORIES.size())));
            }
            jurors.add(new JurorSlot(String.format("j%04d", j), capacity, region(random), expertise));
        }
        List<NominationNeed> nominations = new ArrayList<>(nominationCount);
        for (int n = 0; n < nominationCount; n++) {
            String category = category(random);
            nominations.add(new NominationNeed(
                    String.format("TC2019-%s-%05d", category, n), category, region(random), REVIEWS));
        }
        Set<Pair> conflicts = new HashSet<>();
        for (JurorSlot juror : jurors) {
            for (NominationNeed nomination : nominations) {
                if (random.nextDouble() < CONFLICT_RATE) {
                    conflicts.add(Pair.of(juror.id(), nomination.id()));
                }
            }
        }
        return new AssignmentInstance(
                REVIEWS, new AssignmentProblem(jurors, nominations, conflicts, Set.of(), Weights.DEFAULT));
    }

    private static String category(Random random) {
        double draw = random.nextDouble();
        for (int c = 0; c < CATEGORIES.size() - 1; c++) {
            draw -= CATEGORY_SHARES[c];
            if (draw < 0) {
                return CATEGORIES.get(c);
            }
        }
        return CATEGORIES.get(CATEGORIES.size() - 1);
    }

    private static String region(Random random) {
        return random.nextInt(10) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size()));
    }

    private static void write(Path file, int nominations, int jurors) throws IOException {
        AssignmentInstance instance = edition(nominations, jurors, SEED);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AssignmentInstance.writeReadable(instance.toJson(), writer);
        }
        System.err.printf(
                "wrote %s: %d nominations × %d jurors × R=%d, %d conflicts, %d bytes%n",
                file,
                nominations,
                jurors,
                REVIEWS,
                instance.problem().forbidden().size(),
                Files.size(file));
    }

    private static void measure(int nominationCount, int jurorCount, int warmUps, int runs) {
        long built = System.nanoTime();
        AssignmentProblem problem = edition(nominationCount, jurorCount, SEED).problem();
        System.out.printf(
                Locale.ROOT,
                "%,d nominations × %,d jurors × R=%d, %,d conflicts (%.2f%%), built in %d ms%n",
                nominationCount,
                jurorCount,
                REVIEWS,
                problem.forbidden().size(),
                100.0 * problem.forbidden().size() / ((long) nominationCount * jurorCount),
                (System.nanoTime() - built) / 1_000_000);

        AssignmentPlan plan = null;
        for (int run = 0; run < warmUps; run++) {
            plan = AssignmentSolver.solve(problem);
        }
        long[] millis = new long[runs];
        long peakHeap = 0;
        for (int run = 0; run < runs; run++) {
            plan = null;
            collectGarbage();
            resetPeaks();
            long start = System.nanoTime();
            plan = AssignmentSolver.solve(problem);
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            peakHeap = Math.max(peakHeap, peakHeap());
        }
        checkTheRules(plan);
        collectGarbage();
        Runtime runtime = Runtime.getRuntime();
        long usedAfterGc = runtime.totalMemory() - runtime.freeMemory();

        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "  %s, objective %,d (missing expertise %,d, same région %,d, balance %,d); %,d pairs, load %d..%d%n",
                plan.status(),
                plan.objective(),
                plan.cost().missingExpertise(),
                plan.cost().sameRegion(),
                plan.cost().balance(),
                plan.assignments().size(),
                plan.loads().values().stream().mapToInt(Integer::intValue).min().orElse(0),
                plan.loads().values().stream().mapToInt(Integer::intValue).max().orElse(0));
        System.out.printf(
                Locale.ROOT,
                "  solve wall time over %d runs after %d warm-up: median %d ms, min %d ms, max %d ms %s%n",
                runs,
                warmUps,
                sorted[runs / 2],
                sorted[0],
                sorted[runs - 1],
                Arrays.toString(millis));
        System.out.printf(
                Locale.ROOT,
                "  heap: %d MB used after GC (problem and plan held), peak during a solve at most %d MB, max heap %d MB%n",
                usedAfterGc >> 20,
                peakHeap >> 20,
                runtime.maxMemory() >> 20);
    }

    /** The hard rules, checked in linear time: the tests' reference checks are too slow for these sizes. */
    private static void checkTheRules(AssignmentPlan plan) {
        AssignmentProblem problem = plan.problem();
        Map<String, Integer> load = new HashMap<>();
        Map<String, Integer> jurorsOn = new HashMap<>();
        Set<Pair> seen = new HashSet<>();
        for (Pair pair : plan.allAssignments()) {
            if (problem.forbidden().contains(pair) || !seen.add(pair)) {
                throw new AssertionError("conflicted or repeated pair " + pair);
            }
            load.merge(pair.jurorId(), 1, Integer::sum);
            jurorsOn.merge(pair.nominationId(), 1, Integer::sum);
        }
        for (JurorSlot juror : problem.jurors()) {
            if (load.getOrDefault(juror.id(), 0) > juror.capacity()) {
                throw new AssertionError("juror over capacity: " + juror.id());
            }
        }
        for (NominationNeed nomination : problem.nominations()) {
            int on = jurorsOn.getOrDefault(nomination.id(), 0);
            if (plan.status() == AssignmentPlan.Status.OPTIMAL && on != nomination.required()) {
                throw new AssertionError(nomination.id() + " has " + on + " jurors");
            }
        }
    }

    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    // The pools peak at different moments, so their sum bounds the true peak from above.
    private static long peakHeap() {
        return heapPools().stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
