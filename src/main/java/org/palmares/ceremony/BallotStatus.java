package org.palmares.ceremony;

/** Where a ballot stands: waiting for its code, counted, or spent without counting. */
public enum BallotStatus {
    PENDING,
    VERIFIED,
    /** Too many wrong codes: the voter must cast again. */
    FAILED
}
