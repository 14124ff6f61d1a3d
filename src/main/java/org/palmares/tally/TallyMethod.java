package org.palmares.tally;

/** How sheet scores become a nomination's score. */
public enum TallyMethod {
    RAW,
    NORMALISED,
    CALIBRATED
}
