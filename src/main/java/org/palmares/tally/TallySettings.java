package org.palmares.tally;

import java.util.List;

/**
 * The knobs of the tally: sheets required per nomination, the disagreement threshold (points of S), the outlier
 * threshold (|z|), the sheets a juror needs to be normalised on their own scale, the ridge λ of the calibration and
 * the tie-break chain.
 */
public record TallySettings(
        int requiredSheets,
        double disagreement,
        double outlierZ,
        int minJurorSheets,
        double lambda,
        List<TieBreak> chain) {
    public static final List<TieBreak> DEFAULT_CHAIN = List.of(TieBreak.RAW, TieBreak.CRITERIA, TieBreak.MEDIAN);

    public TallySettings {
        chain = List.copyOf(chain);
        if (lambda <= 0) throw new IllegalArgumentException("lambda must be positive");
    }

    public static TallySettings defaults(int requiredSheets) {
        return new TallySettings(requiredSheets, 20, 2, 3, 1, DEFAULT_CHAIN);
    }

    public TallySettings withChain(List<TieBreak> other) {
        return new TallySettings(requiredSheets, disagreement, outlierZ, minJurorSheets, lambda, other);
    }

    public TallySettings withDisagreement(double points) {
        return new TallySettings(requiredSheets, points, outlierZ, minJurorSheets, lambda, chain);
    }
}
