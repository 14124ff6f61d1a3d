package org.palmares.tally;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the tally computes: figures per sheet, juror, nomination, and a ranking per category and method. */
public final class TallyResult {
    private TallyResult() {}

    /**
     * A sheet's score S (0–100), its z (on its juror's own scale when {@code ownScale}, else the edition's) and
     * whether it is an outlier.
     */
    public record SheetFigures(
            long sheetId, long jurorId, long nominationId, double s, double z, boolean ownScale, boolean outlier) {}

    /** A juror's habit: sheets, mean and population standard deviation of S, own scale or not, calibrated bias. */
    public record JurorFigures(long jurorId, int sheets, double mean, double sd, boolean ownScale, double bias) {}

    /** The figures of one nomination; scores are NaN when it has no sheet. */
    public record NominationFigures(
            long nominationId,
            long categoryId,
            int sheetCount,
            double raw,
            double normalised,
            double calibrated,
            double median,
            double sd,
            double[] criterionMeans,
            double[] sheetScores,
            Set<Flag> flags) {
        public NominationFigures {
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }

        public boolean scored() {
            return sheetCount > 0;
        }

        public double score(TallyMethod method) {
            return switch (method) {
                case RAW -> raw;
                case NORMALISED -> normalised;
                case CALIBRATED -> calibrated;
            };
        }

        public boolean has(Flag flag) {
            return flags.contains(flag);
        }
    }

    /** The rule that separated two nominations of equal score; {@code criterionId} only for CRITERIA. */
    public record TieRule(TieBreak rule, long criterionId) {}

    /**
     * A place in a ranking: rank 1… (equal for ex aequo; 0 when the nomination has no sheet), the score, and the
     * rule that placed it below the previous one when their scores were equal.
     */
    public record Standing(int rank, NominationFigures figures, double score, boolean exAequo, TieRule brokenBy) {
        public long nominationId() {
            return figures.nominationId();
        }
    }

    /** Two neighbours of equal score: the rule that ordered them, or null when they stay ex aequo. */
    public record Tie(long above, long below, TieRule rule) {
        public boolean exAequo() {
            return rule == null;
        }
    }

    /** A category ranked by one method. */
    public record Ranking(TallyMethod method, List<Standing> standings, List<Tie> ties, Map<Long, Integer> ranks) {
        public Ranking(TallyMethod method, List<Standing> standings, List<Tie> ties) {
            this(method, standings, ties, index(standings));
        }

        /** Each nomination's rank, for lookups by id (a category has thousands of nominations at national size). */
        private static Map<Long, Integer> index(List<Standing> standings) {
            Map<Long, Integer> ranks = new HashMap<>(standings.size() * 2);
            for (Standing s : standings) ranks.put(s.nominationId(), s.rank());
            return Collections.unmodifiableMap(ranks);
        }

        public int rankOf(long nominationId) {
            Integer rank = ranks.get(nominationId);
            if (rank == null) throw new IllegalArgumentException("Unknown nomination " + nominationId);
            return rank;
        }
    }

    /** A category's figures and its ranking by each method. */
    public record CategoryTally(
            long categoryId, List<NominationFigures> nominations, Map<TallyMethod, Ranking> rankings) {
        public Ranking ranking(TallyMethod method) {
            return rankings.get(method);
        }

        /** Whether the nomination's rank is not the same by all three methods. */
        public boolean rankDiffers(long nominationId) {
            int raw = ranking(TallyMethod.RAW).rankOf(nominationId);
            return raw != ranking(TallyMethod.NORMALISED).rankOf(nominationId)
                    || raw != ranking(TallyMethod.CALIBRATED).rankOf(nominationId);
        }
    }

    /** The whole edition's tally: edition-wide mean and spread of S, and everything above. */
    public record EditionTally(
            double mean,
            double sd,
            List<SheetFigures> sheets,
            Map<Long, JurorFigures> jurors,
            Map<Long, CategoryTally> categories) {
        public CategoryTally category(long id) {
            CategoryTally c = categories.get(id);
            if (c == null) throw new IllegalArgumentException("Unknown category " + id);
            return c;
        }
    }
}
