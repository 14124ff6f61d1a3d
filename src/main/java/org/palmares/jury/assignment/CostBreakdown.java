package org.palmares.jury.assignment;

/** The objective of a whole assignment (kept pairs included), term by term. */
public record CostBreakdown(long missingExpertise, long sameRegion, long balance) {
    public long total() {
        return missingExpertise + sameRegion + balance;
    }
}
