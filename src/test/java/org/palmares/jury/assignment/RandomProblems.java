package org.palmares.jury.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Seeded random assignment problems, for the tests that compare the solver with a reference. */
final class RandomProblems {
    private static final List<String> CATEGORIES = List.of("SOC", "MIX", "ENV");
    private static final List<String> REGIONS = List.of("ARA", "IDF", "OCC");

    private final Random random;

    RandomProblems(long seed) {
        random = new Random(seed);
    }

    /**
     * A problem with up to the given numbers of jurors and nominations, some conflicts and some kept pairs, and
     * sometimes the default weights, sometimes random ones (zero included).
     */
    AssignmentProblem next(int maxJurors, int maxNominations, int maxRequired, int maxCapacity) {
        int jurorCount = 1 + random.nextInt(maxJurors);
        int nominationCount = 1 + random.nextInt(maxNominations);
        List<JurorSlot> jurors = new ArrayList<>();
        for (int j = 0; j < jurorCount; j++) {
            jurors.add(new JurorSlot("j" + j, random.nextInt(maxCapacity + 1), region(), expertise()));
        }
        List<NominationNeed> nominations = new ArrayList<>();
        for (int n = 0; n < nominationCount; n++) {
            nominations.add(new NominationNeed(
                    "n" + n,
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                    region(),
                    random.nextInt(maxRequired + 1)));
        }
        Set<Pair> forbidden = new HashSet<>();
        Set<Pair> kept = new HashSet<>();
        Map<String, Integer> keptLoad = new HashMap<>();
        for (JurorSlot juror : jurors) {
            for (NominationNeed nomination : nominations) {
                Pair pair = Pair.of(juror.id(), nomination.id());
                double draw = random.nextDouble();
                if (draw < 0.2) {
                    forbidden.add(pair);
                } else if (draw < 0.3 && keptLoad.getOrDefault(juror.id(), 0) < juror.capacity()) {
                    kept.add(pair);
                    keptLoad.merge(juror.id(), 1, Integer::sum);
                }
            }
        }
        return new AssignmentProblem(jurors, nominations, forbidden, kept, weights());
    }

    private Weights weights() {
        return random.nextBoolean()
                ? Weights.DEFAULT
                : new Weights(random.nextInt(13), random.nextInt(13), random.nextInt(4));
    }

    // Sometimes unknown, to check that an unknown région matches nothing.
    private String region() {
        int draw = random.nextInt(REGIONS.size() + 1);
        return draw == REGIONS.size() ? null : REGIONS.get(draw);
    }

    private Set<String> expertise() {
        Set<String> expertise = new HashSet<>();
        for (String category : CATEGORIES) {
            if (random.nextInt(3) == 0) {
                expertise.add(category);
            }
        }
        return expertise;
    }
}
