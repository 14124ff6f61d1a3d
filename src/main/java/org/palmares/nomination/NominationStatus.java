package org.palmares.nomination;

/** Where a nomination stands, from the territory's draft to the organisers' screening. */
public enum NominationStatus {
    DRAFT,
    SUBMITTED,
    WITHDRAWN,
    ELIGIBLE,
    INELIGIBLE
}
