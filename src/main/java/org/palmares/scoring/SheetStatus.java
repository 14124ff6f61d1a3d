package org.palmares.scoring;

/** A score sheet is a draft until the juror submits it. */
public enum SheetStatus {
    DRAFT,
    SUBMITTED
}
