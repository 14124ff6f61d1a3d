package org.palmares.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palmares.tally.TallyInput.CategorySpec;
import org.palmares.tally.TallyInput.CriterionSpec;
import org.palmares.tally.TallyInput.Sheet;

/**
 * A slow, literal reading of the tally's definitions, to check the fast one against: maps and streams, the calibration
 * as the full normal equations in q and b solved by Gaussian elimination.
 */
final class TallyReference {
    record Figures(double raw, double normalised, double calibrated, double median, Set<Flag> flags) {}

    final Map<Long, Figures> figures = new LinkedHashMap<>();
    final Map<Long, Map<TallyMethod, Integer>> ranks = new HashMap<>();

    TallyReference(List<CategorySpec> categories, List<Sheet> sheets, TallySettings settings) {
        Map<Long, CategorySpec> categoryOf = new HashMap<>();
        for (CategorySpec c : categories) for (long n : c.nominations()) categoryOf.put(n, c);
        Map<Sheet, Double> s = new HashMap<>();
        for (Sheet sheet : sheets) {
            List<CriterionSpec> criteria = categoryOf.get(sheet.nominationId()).criteria();
            double num = 0;
            double den = 0;
            for (int c = 0; c < criteria.size(); c++) {
                var k = criteria.get(c);
                num += k.weight() * (sheet.values()[c] - k.min()) / (double) (k.max() - k.min());
                den += k.weight();
            }
            s.put(sheet, 100 * num / den);
        }
        double mu = s.values().stream().mapToDouble(d -> d).average().orElse(0);
        double sigma = Math.sqrt(s.values().stream()
                .mapToDouble(d -> (d - mu) * (d - mu))
                .average()
                .orElse(0));
        Map<Long, List<Double>> byJuror = new HashMap<>();
        sheets.forEach(x ->
                byJuror.computeIfAbsent(x.jurorId(), k -> new ArrayList<>()).add(s.get(x)));
        Map<Sheet, Double> z = new HashMap<>();
        Map<Sheet, Boolean> own = new HashMap<>();
        for (Sheet x : sheets) {
            List<Double> mine = byJuror.get(x.jurorId());
            double m = mine.stream().mapToDouble(d -> d).average().orElseThrow();
            double sd = Math.sqrt(
                    mine.stream().mapToDouble(d -> (d - m) * (d - m)).average().orElseThrow());
            boolean ownScale = mine.size() >= settings.minJurorSheets() && sd > 1e-9;
            own.put(x, ownScale);
            z.put(x, ownScale ? (s.get(x) - m) / sd : sigma > 1e-9 ? (s.get(x) - mu) / sigma : 0);
        }
        Map<Long, Double> q = calibrate(sheets, s, settings.lambda());
        for (CategorySpec c : categories) {
            for (long n : c.nominations()) {
                List<Sheet> mine =
                        sheets.stream().filter(x -> x.nominationId() == n).toList();
                Set<Flag> flags = EnumSet.noneOf(Flag.class);
                if (mine.size() < settings.requiredSheets()) flags.add(Flag.INCOMPLETE);
                if (mine.isEmpty()) {
                    figures.put(n, new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, flags));
                    continue;
                }
                double raw = mine.stream().mapToDouble(s::get).average().orElseThrow();
                double sd = Math.sqrt(mine.stream()
                        .mapToDouble(x -> (s.get(x) - raw) * (s.get(x) - raw))
                        .average()
                        .orElseThrow());
                if (mine.size() > 1 && sd >= settings.disagreement()) flags.add(Flag.DISAGREEMENT);
                if (mine.stream().anyMatch(x -> Math.abs(z.get(x)) >= settings.outlierZ())) flags.add(Flag.OUTLIER);
                if (mine.stream().anyMatch(x -> !own.get(x))) flags.add(Flag.FEW_SHEETS);
                double normalised =
                        mu + sigma * mine.stream().mapToDouble(z::get).average().orElseThrow();
                double[] sorted = mine.stream().mapToDouble(s::get).sorted().toArray();
                int k = sorted.length;
                double median = k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
                figures.put(n, new Figures(raw, normalised, q.get(n), median, flags));
            }
            for (TallyMethod method : TallyMethod.values()) rank(c, sheets, settings, method);
        }
    }

    private void rank(CategorySpec c, List<Sheet> sheets, TallySettings settings, TallyMethod method) {
        List<Long> scored = c.nominations().stream()
                .filter(n -> !Double.isNaN(figures.get(n).raw()))
                .toList();
        Map<Long, List<Long>> keys = new HashMap<>();
        for (long n : scored) {
            Figures f = figures.get(n);
            List<Long> key = new ArrayList<>();
            key.add(Tally.cents(
                    method == TallyMethod.RAW
                            ? f.raw()
                            : method == TallyMethod.NORMALISED ? f.normalised() : f.calibrated()));
            for (TieBreak rule : settings.chain()) {
                switch (rule) {
                    case RAW -> key.add(Tally.cents(f.raw()));
                    case MEDIAN -> key.add(Tally.cents(f.median()));
                    case CRITERIA -> {
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < c.criteria().size(); i++) order.add(i);
                        order.sort(Comparator.comparingInt(
                                        (Integer i) -> c.criteria().get(i).tieBreakPriority())
                                .thenComparingInt(i -> i));
                        for (int i : order) {
                            double mean = sheets.stream()
                                    .filter(x -> x.nominationId() == n)
                                    .mapToInt(x -> x.values()[i])
                                    .average()
                                    .orElseThrow();
                            key.add(Tally.cents(mean));
                        }
                    }
                }
            }
            keys.put(n, key);
        }
        for (long n : c.nominations()) {
            int rank = 0;
            if (keys.containsKey(n)) {
                // Competition ranking: 1 + how many are strictly better.
                rank = 1;
                for (long other : scored) if (compare(keys.get(other), keys.get(n)) > 0) rank++;
            }
            ranks.computeIfAbsent(n, k -> new java.util.EnumMap<>(TallyMethod.class))
                    .put(method, rank);
        }
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return 0;
    }

    /** Unknowns: q(n) for each nomination with sheets, then b(j) for each juror; the full normal equations. */
    private static Map<Long, Double> calibrate(List<Sheet> sheets, Map<Sheet, Double> s, double lambda) {
        List<Long> nominations =
                sheets.stream().map(Sheet::nominationId).distinct().toList();
        List<Long> jurors = sheets.stream().map(Sheet::jurorId).distinct().toList();
        int size = nominations.size() + jurors.size();
        double[][] a = new double[size][size + 1];
        for (Sheet x : sheets) {
            int qi = nominations.indexOf(x.nominationId());
            int bi = nominations.size() + jurors.indexOf(x.jurorId());
            // d/dq and d/db of (S − q − b)²
            a[qi][qi] += 1;
            a[qi][bi] += 1;
            a[qi][size] += s.get(x);
            a[bi][bi] += 1;
            a[bi][qi] += 1;
            a[bi][size] += s.get(x);
        }
        for (int j = nominations.size(); j < size; j++) a[j][j] += lambda;
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < size; r++) {
                if (r == col) continue;
                double f = a[r][col] / a[col][col];
                for (int k = col; k <= size; k++) a[r][k] -= f * a[col][k];
            }
        }
        Map<Long, Double> q = new HashMap<>();
        for (int i = 0; i < nominations.size(); i++) q.put(nominations.get(i), a[i][size] / a[i][i]);
        return q;
    }
}
