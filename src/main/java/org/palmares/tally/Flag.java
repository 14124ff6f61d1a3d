package org.palmares.tally;

/** What the organiser should look at before trusting a nomination's figures. */
public enum Flag {
    /** Fewer submitted sheets than the edition requires per nomination. */
    INCOMPLETE,
    /** The sheet scores are spread wide apart (standard deviation at or above the setting). */
    DISAGREEMENT,
    /** One of its sheets is far from its juror's habit (|z| at or above the setting). */
    OUTLIER,
    /** One of its jurors scored too few sheets (or all alike) to be normalised on their own scale. */
    FEW_SHEETS
}
