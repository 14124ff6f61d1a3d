package org.palmares.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.palmares.tally.TallyInput.CategorySpec;
import org.palmares.tally.TallyInput.CriterionSpec;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.CategoryTally;
import org.palmares.tally.TallyResult.EditionTally;
import org.palmares.tally.TallyResult.JurorFigures;
import org.palmares.tally.TallyResult.NominationFigures;
import org.palmares.tally.TallyResult.Ranking;
import org.palmares.tally.TallyResult.SheetFigures;
import org.palmares.tally.TallyResult.Standing;
import org.palmares.tally.TallyResult.Tie;
import org.palmares.tally.TallyResult.TieRule;

/**
 * The tally of an edition, computed from its submitted sheets: sheet scores, raw, normalised and calibrated scores,
 * flags and rankings with their tie-breaks. Pure and deterministic: the same sheets in any order give the same result.
 */
public final class Tally {
    /** Below this a spread counts as zero (sums of equal values may leave a few ulps). */
    static final double NO_SPREAD = 1e-9;
    /** Above this many jurors the calibration is solved by conjugate gradients instead of a dense Cholesky. */
    static final int DENSE_LIMIT = 600;

    private Tally() {}

    /** The sheet score S on 0–100: 100 × Σ w·(v − min)/(max − min) / Σ w. */
    public static double sheetScore(List<CriterionSpec> criteria, int[] values) {
        if (values.length != criteria.size()) {
            throw new IllegalArgumentException("A sheet needs one value per criterion");
        }
        double weights = 0;
        double sum = 0;
        for (int c = 0; c < values.length; c++) {
            CriterionSpec spec = criteria.get(c);
            if (values[c] < spec.min() || values[c] > spec.max()) {
                throw new IllegalArgumentException("Value " + values[c] + " is off the scale");
            }
            weights += spec.weight();
            sum += spec.weight() * (double) (values[c] - spec.min()) / (spec.max() - spec.min());
        }
        return 100 * sum / weights;
    }

    /** A score in hundredths, rounded half up: what users see, and what the ranking compares. */
    public static long cents(double score) {
        return (long) Math.floor(score * 100 + 0.5 + 1e-7);
    }

    /** A score rounded to two decimals as users see it. */
    public static BigDecimal round2(double score) {
        return BigDecimal.valueOf(cents(score), 2);
    }

    public static EditionTally compute(List<CategorySpec> categories, List<Sheet> sheets, TallySettings settings) {
        return compute(categories, sheets, settings, DENSE_LIMIT);
    }

    /** As above, choosing conjugate gradients above {@code denseLimit} jurors (tests compare both solvers). */
    static EditionTally compute(
            List<CategorySpec> categories, List<Sheet> sheets, TallySettings settings, int denseLimit) {
        return new Computation(categories, sheets, settings, denseLimit).run();
    }

    /** One run over arrays indexed by sheet, juror and nomination. */
    private static final class Computation {
        private final List<CategorySpec> categories;
        private final TallySettings settings;
        private final Sheet[] sheets;
        private final int[] nominationOf; // sheet → nomination index
        private final int[] jurorOf; // sheet → juror index
        private final double[] s;
        private final double[] z;
        private final boolean[] ownScale;
        private final long[] nominationIds;
        private final int[] categoryOf; // nomination → category index
        private final long[] jurorIds;
        private int[][] sheetsOfNomination;
        private int[][] sheetsOfJuror;
        private final int denseLimit;

        Computation(List<CategorySpec> categories, List<Sheet> input, TallySettings settings, int denseLimit) {
            this.denseLimit = denseLimit;
            this.categories = categories;
            this.settings = settings;
            Map<Long, Integer> nominationIndex = new HashMap<>();
            List<Long> nominations = new ArrayList<>();
            List<Integer> categoryIndex = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                for (long n : categories.get(c).nominations()) {
                    if (nominationIndex.putIfAbsent(n, nominations.size()) != null) {
                        throw new IllegalArgumentException("Nomination " + n + " listed twice");
                    }
                    nominations.add(n);
                    categoryIndex.add(c);
                }
            }
            nominationIds = nominations.stream().mapToLong(Long::longValue).toArray();
            categoryOf = categoryIndex.stream().mapToInt(Integer::intValue).toArray();
            // Canonical order: the result must not depend on the order sheets come in.
            sheets = input.toArray(Sheet[]::new);
            Arrays.sort(sheets, Comparator.comparingLong(Sheet::id));
            int count = sheets.length;
            nominationOf = new int[count];
            jurorOf = new int[count];
            s = new double[count];
            z = new double[count];
            ownScale = new boolean[count];
            Map<Long, Integer> jurorIndex = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Sheet sheet = sheets[i];
                Integer n = nominationIndex.get(sheet.nominationId());
                if (n == null)
                    throw new IllegalArgumentException("Sheet of an unknown nomination " + sheet.nominationId());
                nominationOf[i] = n;
                s[i] = sheetScore(categories.get(categoryOf[n]).criteria(), sheet.values());
                Integer j = jurorIndex.get(sheet.jurorId());
                if (j == null) {
                    j = jurorIndex.size();
                    jurorIndex.put(sheet.jurorId(), j);
                }
                jurorOf[i] = j;
            }
            jurorIds = jurorIndex.keySet().stream().mapToLong(Long::longValue).toArray();
        }

        EditionTally run() {
            sheetsOfNomination = group(nominationOf, nominationIds.length);
            sheetsOfJuror = group(jurorOf, jurorIds.length);
            double[] all = s.clone();
            double mean = mean(all);
            double sd = sd(all, mean);
            int jurors = jurorIds.length;
            double[] jurorMean = new double[jurors];
            double[] jurorSd = new double[jurors];
            boolean[] jurorOwn = new boolean[jurors];
            for (int j = 0; j < jurors; j++) {
                double[] values = pick(s, sheetsOfJuror[j]);
                jurorMean[j] = mean(values);
                jurorSd[j] = sd(values, jurorMean[j]);
                jurorOwn[j] = values.length >= settings.minJurorSheets() && jurorSd[j] > NO_SPREAD;
            }
            for (int i = 0; i < s.length; i++) {
                int j = jurorOf[i];
                ownScale[i] = jurorOwn[j];
                if (jurorOwn[j]) z[i] = (s[i] - jurorMean[j]) / jurorSd[j];
                else z[i] = sd > NO_SPREAD ? (s[i] - mean) / sd : 0;
            }
            double[] bias = new double[jurors];
            double[] calibrated = calibrate(bias);

            List<SheetFigures> sheetFigures = new ArrayList<>(s.length);
            for (int i = 0; i < s.length; i++) {
                sheetFigures.add(new SheetFigures(
                        sheets[i].id(),
                        sheets[i].jurorId(),
                        sheets[i].nominationId(),
                        s[i],
                        z[i],
                        ownScale[i],
                        Math.abs(z[i]) >= settings.outlierZ()));
            }
            Map<Long, JurorFigures> jurorFigures = new LinkedHashMap<>();
            for (int j = 0; j < jurors; j++) {
                jurorFigures.put(
                        jurorIds[j],
                        new JurorFigures(
                                jurorIds[j], sheetsOfJuror[j].length, jurorMean[j], jurorSd[j], jurorOwn[j], bias[j]));
            }
            List<List<NominationFigures>> perCategory = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) perCategory.add(new ArrayList<>());
            for (int n = 0; n < nominationIds.length; n++) {
                perCategory.get(categoryOf[n]).add(figures(n, mean, sd, calibrated[n]));
            }
            Map<Long, CategoryTally> result = new LinkedHashMap<>();
            for (int c = 0; c < categories.size(); c++) {
                CategorySpec spec = categories.get(c);
                List<NominationFigures> figures = List.copyOf(perCategory.get(c));
                Map<TallyMethod, Ranking> rankings = new EnumMap<>(TallyMethod.class);
                for (TallyMethod method : TallyMethod.values()) {
                    rankings.put(method, Ranker.rank(method, figures, spec.criteria(), settings.chain()));
                }
                result.put(spec.id(), new CategoryTally(spec.id(), figures, rankings));
            }
            return new EditionTally(mean, sd, List.copyOf(sheetFigures), jurorFigures, result);
        }

        private NominationFigures figures(int n, double mean, double sd, double calibrated) {
            int[] mine = sheetsOfNomination[n];
            List<CriterionSpec> criteria = categories.get(categoryOf[n]).criteria();
            EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
            if (mine.length < settings.requiredSheets()) flags.add(Flag.INCOMPLETE);
            if (mine.length == 0) {
                return new NominationFigures(
                        nominationIds[n],
                        categories.get(categoryOf[n]).id(),
                        0,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        new double[criteria.size()],
                        new double[0],
                        flags);
            }
            double[] scores = pick(s, mine);
            double raw = mean(scores);
            double spread = sd(scores, raw);
            double normalised = mean + sd * mean(pick(z, mine));
            double[] criterionMeans = new double[criteria.size()];
            for (int c = 0; c < criteria.size(); c++) {
                long sum = 0;
                for (int i : mine) sum += sheets[i].values()[c];
                criterionMeans[c] = (double) sum / mine.length;
            }
            if (spread >= settings.disagreement() && mine.length > 1) flags.add(Flag.DISAGREEMENT);
            for (int i : mine) {
                if (Math.abs(z[i]) >= settings.outlierZ()) flags.add(Flag.OUTLIER);
                if (!ownScale[i]) flags.add(Flag.FEW_SHEETS);
            }
            Arrays.sort(scores);
            return new NominationFigures(
                    nominationIds[n],
                    categories.get(categoryOf[n]).id(),
                    mine.length,
                    raw,
                    normalised,
                    calibrated,
                    median(scores),
                    spread,
                    criterionMeans,
                    scores,
                    flags);
        }

        /**
         * Least squares S(j,n) ≈ q(n) + b(j) with the ridge λ Σ b². Setting the gradient to zero in q gives q(n) =
         * (T(n) − Σ_j∈J(n) b(j)) / k(n); putting it in the equations of b leaves a symmetric positive definite system
         * in b alone (one unknown per juror), solved exactly by Cholesky (or conjugate gradients when jurors are many).
         */
        private double[] calibrate(double[] bias) {
            int jurors = jurorIds.length;
            int nominations = nominationIds.length;
            double lambda = settings.lambda();
            double[] total = new double[nominations];
            for (int n = 0; n < nominations; n++) total[n] = sumSorted(pick(s, sheetsOfNomination[n]));
            // Right-hand side: R(j) − Σ_n∈N(j) T(n)/k(n).
            double[] rhs = new double[jurors];
            double[] diagonal = new double[jurors];
            for (int j = 0; j < jurors; j++) {
                double r = 0;
                double d = sheetsOfJuror[j].length + lambda;
                for (int i : sheetsOfJuror[j]) {
                    int n = nominationOf[i];
                    int k = sheetsOfNomination[n].length;
                    r += s[i] - total[n] / k;
                    d -= 1.0 / k;
                }
                rhs[j] = r;
                diagonal[j] = d;
            }
            double[] b = jurors <= denseLimit ? solveDense(rhs, diagonal) : solveIterative(rhs, diagonal);
            System.arraycopy(b, 0, bias, 0, jurors);
            double[] q = new double[nominations];
            for (int n = 0; n < nominations; n++) {
                int[] mine = sheetsOfNomination[n];
                if (mine.length == 0) {
                    q[n] = Double.NaN;
                    continue;
                }
                double[] biases = new double[mine.length];
                for (int k = 0; k < mine.length; k++) biases[k] = b[jurorOf[mine[k]]];
                q[n] = (total[n] - sumSorted(biases)) / mine.length;
            }
            return q;
        }

        private double[] solveDense(double[] rhs, double[] diagonal) {
            int size = rhs.length;
            double[][] a = new double[size][size];
            for (int j = 0; j < size; j++) a[j][j] = diagonal[j];
            for (int[] mine : sheetsOfNomination) {
                double share = mine.length == 0 ? 0 : 1.0 / mine.length;
                for (int x : mine) {
                    for (int y : mine) {
                        if (x != y) a[jurorOf[x]][jurorOf[y]] -= share;
                    }
                }
            }
            return Cholesky.solve(a, rhs);
        }

        /** Conjugate gradients on the same system, matrix-free, until the residual is at machine precision. */
        private double[] solveIterative(double[] rhs, double[] diagonal) {
            int size = rhs.length;
            double[] x = new double[size];
            double[] r = rhs.clone();
            double[] p = r.clone();
            double[] ap = new double[size];
            double rr = dot(r, r);
            double stop = Math.max(dot(rhs, rhs), 1) * 1e-28;
            for (int iteration = 0; iteration < 10 * size && rr > stop; iteration++) {
                multiply(p, diagonal, ap);
                double alpha = rr / dot(p, ap);
                for (int i = 0; i < size; i++) {
                    x[i] += alpha * p[i];
                    r[i] -= alpha * ap[i];
                }
                double next = dot(r, r);
                double beta = next / rr;
                rr = next;
                for (int i = 0; i < size; i++) p[i] = r[i] + beta * p[i];
            }
            return x;
        }

        /** out = A·v where A(j,j) = diagonal(j) and A(j,j') = −Σ_n∈N(j)∩N(j') 1/k(n). */
        private void multiply(double[] v, double[] diagonal, double[] out) {
            for (int j = 0; j < v.length; j++) out[j] = diagonal[j] * v[j];
            for (int[] mine : sheetsOfNomination) {
                if (mine.length < 2) continue;
                double sum = 0;
                for (int i : mine) sum += v[jurorOf[i]];
                double share = 1.0 / mine.length;
                for (int i : mine) {
                    int j = jurorOf[i];
                    out[j] -= share * (sum - v[j]);
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static int[][] group(int[] owner, int groups) {
        int[] counts = new int[groups];
        for (int o : owner) counts[o]++;
        int[][] result = new int[groups][];
        for (int g = 0; g < groups; g++) result[g] = new int[counts[g]];
        int[] filled = new int[groups];
        for (int i = 0; i < owner.length; i++) result[owner[i]][filled[owner[i]]++] = i;
        return result;
    }

    private static double[] pick(double[] values, int[] indexes) {
        double[] out = new double[indexes.length];
        for (int k = 0; k < indexes.length; k++) out[k] = values[indexes[k]];
        return out;
    }

    /** Sums in ascending order, so that the same values in any order give the same sum. */
    static double sumSorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) sum += v;
        return sum;
    }

    static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : sumSorted(values) / values.length;
    }

    /** Population standard deviation. */
    static double sd(double[] values, double mean) {
        if (values.length == 0) return Double.NaN;
        double[] squares = new double[values.length];
        for (int i = 0; i < values.length; i++) squares[i] = (values[i] - mean) * (values[i] - mean);
        return Math.sqrt(sumSorted(squares) / values.length);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Orders a category by one method, then by the tie-break chain, recording what broke each tie. */
    static final class Ranker {
        private Ranker() {}

        static Ranking rank(
                TallyMethod method,
                List<NominationFigures> figures,
                List<CriterionSpec> criteria,
                List<TieBreak> chain) {
            List<TieRule> rules = new ArrayList<>();
            List<java.util.function.ToDoubleFunction<NominationFigures>> keys = new ArrayList<>();
            for (TieBreak rule : chain) {
                switch (rule) {
                    case RAW -> {
                        rules.add(new TieRule(TieBreak.RAW, 0));
                        keys.add(NominationFigures::raw);
                    }
                    case MEDIAN -> {
                        rules.add(new TieRule(TieBreak.MEDIAN, 0));
                        keys.add(NominationFigures::median);
                    }
                    case CRITERIA -> {
                        Integer[] order = new Integer[criteria.size()];
                        for (int c = 0; c < order.length; c++) order[c] = c;
                        Arrays.sort(
                                order,
                                Comparator.comparingInt(
                                                (Integer c) -> criteria.get(c).tieBreakPriority())
                                        .thenComparingInt(c -> c));
                        for (int c : order) {
                            rules.add(new TieRule(
                                    TieBreak.CRITERIA, criteria.get(c).id()));
                            keys.add(f -> f.criterionMeans()[c]);
                        }
                    }
                }
            }
            int size = figures.size();
            long[][] key = new long[size][];
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
                NominationFigures f = figures.get(i);
                if (!f.scored()) continue;
                long[] k = new long[keys.size() + 1];
                k[0] = cents(f.score(method));
                for (int r = 0; r < keys.size(); r++)
                    k[r + 1] = cents(keys.get(r).applyAsDouble(f));
                key[i] = k;
            }
            Arrays.sort(order, (a, b) -> {
                if (key[a] == null || key[b] == null) {
                    if (key[a] != null) return -1;
                    if (key[b] != null) return 1;
                    return Long.compare(
                            figures.get(a).nominationId(), figures.get(b).nominationId());
                }
                int byKey = Arrays.compare(key[b], key[a]); // descending
                return byKey != 0
                        ? byKey
                        : Long.compare(
                                figures.get(a).nominationId(), figures.get(b).nominationId());
            });
            List<Standing> standings = new ArrayList<>(size);
            List<Tie> ties = new ArrayList<>();
            boolean[] exAequo = new boolean[size];
            TieRule[] brokenBy = new TieRule[size];
            int[] ranks = new int[size];
            for (int p = 0; p < size; p++) {
                int i = order[p];
                if (key[i] == null) continue;
                ranks[p] = p + 1;
                if (p == 0) continue;
                int above = order[p - 1];
                if (key[above][0] != key[i][0]) continue;
                int differs = Arrays.mismatch(key[above], key[i]);
                TieRule rule = differs < 0 ? null : rules.get(differs - 1);
                ties.add(new Tie(
                        figures.get(above).nominationId(), figures.get(i).nominationId(), rule));
                if (rule == null) {
                    ranks[p] = ranks[p - 1];
                    exAequo[p] = true;
                    exAequo[p - 1] = true;
                } else {
                    brokenBy[p] = rule;
                }
            }
            for (int p = 0; p < size; p++) {
                NominationFigures f = figures.get(order[p]);
                standings.add(new Standing(ranks[p], f, f.score(method), exAequo[p], brokenBy[p]));
            }
            return new Ranking(method, List.copyOf(standings), List.copyOf(ties));
        }
    }
}
