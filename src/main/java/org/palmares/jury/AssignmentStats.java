package org.palmares.jury;

import java.util.Collection;

/**
 * Figures of an assignment for the organisers: dossiers per juror (min, mean, max, over every juror of the edition,
 * those with none included) and the share of pairs whose juror is expert in the nomination's category.
 */
public record AssignmentStats(int pairs, int loadMin, double loadMean, int loadMax, int withExpertise) {

    public static AssignmentStats of(Collection<Integer> loadPerJuror, int withExpertise) {
        int pairs = loadPerJuror.stream().mapToInt(Integer::intValue).sum();
        int min = loadPerJuror.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = loadPerJuror.stream().mapToInt(Integer::intValue).max().orElse(0);
        double mean = loadPerJuror.isEmpty() ? 0 : (double) pairs / loadPerJuror.size();
        return new AssignmentStats(pairs, min, mean, max, withExpertise);
    }

    /** Percentage of pairs with expertise, 0 … 100; 0 when there is no pair. */
    public int expertisePercent() {
        return pairs == 0 ? 0 : (int) Math.round(100.0 * withExpertise / pairs);
    }

    public int getPairs() {
        return pairs;
    }

    public int getLoadMin() {
        return loadMin;
    }

    public String getLoadMeanText() {
        return String.format(java.util.Locale.ROOT, "%.1f", loadMean);
    }

    public int getLoadMax() {
        return loadMax;
    }

    public int getExpertisePercent() {
        return expertisePercent();
    }
}
