package org.palmares.tally;

/** The rules that order nominations whose scores are equal at two decimals, tried in a configurable order. */
public enum TieBreak {
    /** The raw score (mean of the sheet scores). */
    RAW,
    /** The mean value of each criterion, in the category's tie-break priority order. */
    CRITERIA,
    /** The median sheet score. */
    MEDIAN
}
