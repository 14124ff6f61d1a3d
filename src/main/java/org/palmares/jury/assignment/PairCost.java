package org.palmares.jury.assignment;

/** The cost terms of one juror on one nomination, as shown beside the pair so the organiser sees why. */
public record PairCost(int missingExpertise, int sameRegion) {
    public long total() {
        return (long) missingExpertise + sameRegion;
    }
}
